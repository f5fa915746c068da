"""Reading milestones: an indicator's own, and those falling due in a year for the results table."""

from __future__ import annotations

from datetime import date

from partnerships.access import scoped

from ..models import Indicator, Milestone


def milestones_of(indicator: Indicator) -> list[Milestone]:
    return list(scoped(indicator.partnership, Milestone).filter(indicator=indicator).order_by("due_on"))


def last_due_between(partnership, indicator_ids: list[int], start: date, end: date) -> dict[int, Milestone]:
    """For each indicator, the last milestone due from ``start`` to ``end`` (one query)."""
    found: dict[int, Milestone] = {}
    rows = scoped(partnership, Milestone).filter(indicator_id__in=indicator_ids, due_on__range=(start, end))
    for milestone in rows.order_by("indicator_id", "due_on"):
        found[milestone.indicator_id] = milestone
    return found
