"""Access facts for the strategy period and milestones (see access_registry/__init__.py)."""

from __future__ import annotations

from partnerships.access import Perm

from .. import measurement_helpers as m


def _period_post(side) -> dict:
    start = m.this_year_start(side).year
    return {"strategy_start_year": start, "strategy_end_year": start + 3}


def _milestone_post(side) -> dict:
    period = m.strategy_period(side)
    return {"due_on": period.end.isoformat(), "value": "40"}


OBJECT_KWARGS = {
    "indicators:milestone_add": lambda side: {"pk": m.referrals(side).pk},
    "indicators:milestone_delete": lambda side: {"pk": m.milestone(side).pk},
}

MATRIX = {
    "strategy:strategy_period": (Perm.EDIT_PLAN, ("get", "post"), _period_post),
    "indicators:milestone_add": (Perm.EDIT_PLAN, ("post",), _milestone_post),
    "indicators:milestone_delete": (Perm.EDIT_PLAN, ("post",), None),
}
