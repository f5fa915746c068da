"""Disclosure control for every output that leaves a partnership: the policy a partnership chooses
(``policy``), the linear relations between published figures (``tables``), the interval audit that
hides more until no hidden count can be worked out (``audit``), and the older table helper the
report templates use (``suppression``)."""
