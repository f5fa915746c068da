"""The indicators' status panel of the home of board members and viewers (listed in
aspm/dashboard.py): how many indicators are on track, at risk or off track this financial year to
date, by the results table's own rule. The results table's fixed queries whatever the size."""

from __future__ import annotations

from partnerships.access import Perm, can

from . import progress, selectors


def indicators_panel(request) -> dict | None:
    if not can(request.membership, Perm.VIEW):
        return None
    partnership = request.partnership
    year = selectors.current_year(partnership, selectors.financial_years(partnership))
    if year is None:
        return {"template": "indicators/home_panel.html", "context": {"year": None}}
    counts = selectors.results_table(partnership, year=year).status_counts()
    rows = [(status, selectors.STATUS_LABELS[status], counts[status]) for status in progress.STATUS_ORDER]
    return {
        "template": "indicators/home_panel.html",
        "context": {"year": year, "rows": rows, "total": sum(counts.values())},
    }
