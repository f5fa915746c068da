"""Process goal owned by the action plan: the share of actions completed on time, per quarter.

Registered with partnerships' process-goal registry from ``ActionplansConfig.ready``.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q

from partnerships.access import scoped
from partnerships.health.goals import ProcessGoal, Quarter, percent, register
from partnerships.models import Partnership

from . import clock
from .models import Action, ActionStatusChange, RagStatus


def actions_completed_on_time(partnership: Partnership, quarters: list[Quarter]) -> dict[str, Decimal | None]:
    """Of the actions due in each quarter, the share marked Complete (in their status history) on or
    before their due date. An action due later than today is counted only once it is complete, so
    the current quarter is not pulled down by work that still has time. One query."""
    today = clock.today()
    done_on_time = scoped(partnership, ActionStatusChange).filter(
        action=OuterRef("pk"), status=RagStatus.COMPLETE, changed_at__date__lte=OuterRef("due_date")
    )
    aggregates = {}
    for i, q in enumerate(quarters):
        in_q = Q(due_date__gte=q.start, due_date__lte=q.end)
        counted = in_q & (Q(due_date__lt=today) | Q(on_time=True))
        aggregates[f"n{i}"] = Count("id", filter=counted)
        aggregates[f"k{i}"] = Count("id", filter=counted & Q(on_time=True))
    if not quarters:
        return {}
    row = (
        scoped(partnership, Action)
        .filter(due_date__gte=quarters[0].start, due_date__lte=quarters[-1].end)
        .annotate(on_time=Exists(done_on_time))
        .aggregate(**aggregates)
    )
    return {q.label: percent(row[f"k{i}"], row[f"n{i}"]) for i, q in enumerate(quarters)}


def register_goals() -> None:
    register(
        ProcessGoal(
            code="actions_on_time",
            name="Actions completed on time",
            description="Of the actions due in the quarter, the share marked Complete on or before their due "
            "date (from each action's status history).",
            unit="percent",
            default_target=Decimal(75),
            default_margin=Decimal(15),
            calculate=actions_completed_on_time,
            order=30,
        )
    )
