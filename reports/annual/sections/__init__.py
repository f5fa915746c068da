"""Section providers of the annual report (listed, in order, in ``reports.annual.registry``)."""
