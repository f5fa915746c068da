"""Process goal owned by the returns: the share of quarterly returns submitted on time, per quarter.

Named in the process-goal registry, ``aspm.health_goals``.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, F, Q
from django.utils import timezone

from partnerships.access import scoped
from partnerships.health.goals import ProcessGoal, Quarter, percent
from partnerships.models import Partnership

from ..models import Return


def returns_on_time(partnership: Partnership, quarters: list[Quarter]) -> dict[str, Decimal | None]:
    """Of the returns due in each quarter (by their due date), the share first submitted on or before
    that date. A return whose due date is still ahead counts only once submitted. One query."""
    if not quarters:
        return {}
    today = timezone.localdate()
    on_time = Q(first_submitted_at__isnull=False, first_submitted_at__date__lte=F("due_date"))
    aggregates = {}
    for i, q in enumerate(quarters):
        counted = Q(due_date__gte=q.start, due_date__lte=q.end) & (Q(due_date__lt=today) | on_time)
        aggregates[f"n{i}"] = Count("id", filter=counted)
        aggregates[f"k{i}"] = Count("id", filter=counted & on_time)
    row = (
        scoped(partnership, Return)
        .filter(agreement__isnull=True, due_date__gte=quarters[0].start, due_date__lte=quarters[-1].end)
        .aggregate(**aggregates)
    )
    return {q.label: percent(row[f"k{i}"], row[f"n{i}"]) for i, q in enumerate(quarters)}


RETURNS_ON_TIME = ProcessGoal(
    code="returns_on_time",
    name="Returns on time",
    description="Of the quarterly returns due in the quarter, the share first submitted on or before the due date.",
    unit="percent",
    default_target=Decimal(90),
    default_margin=Decimal(15),
    calculate=returns_on_time,
    order=40,
)
