"""Process goal owned by the action plan: the share of actions completed on time, per quarter.

Named in the process-goal registry, ``aspm.health_goals``.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Min
from django.utils import timezone

from partnerships.access import scoped
from partnerships.health.goals import ProcessGoal, Quarter, percent
from partnerships.models import Partnership

from . import clock
from .models import Action, ActionStatusChange, RagStatus


def actions_completed_on_time(partnership: Partnership, quarters: list[Quarter]) -> dict[str, Decimal | None]:
    """Of the actions due in each quarter, the share marked Complete (in their status history) on or
    before their due date. An action due later than today is counted only once it is complete, so
    the current quarter is not pulled down by work that still has time. Two queries."""
    if not quarters:
        return {}
    today = clock.today()
    due = dict(
        scoped(partnership, Action)
        .filter(due_date__gte=quarters[0].start, due_date__lte=quarters[-1].end)
        .values_list("id", "due_date")
    )
    # First completion per action, compared in Python: a correlated subquery here made SQLite scan
    # every status change of the partnership once per action (minutes at 5,000 actions).
    first_complete = dict(
        scoped(partnership, ActionStatusChange)
        .filter(
            status=RagStatus.COMPLETE,
            action__due_date__gte=quarters[0].start,
            action__due_date__lte=quarters[-1].end,
        )
        .values("action_id")
        .annotate(first=Min("changed_at"))
        .values_list("action_id", "first")
    )
    counted = [0] * len(quarters)
    kept = [0] * len(quarters)
    for action_id, due_date in due.items():
        completed = first_complete.get(action_id)
        on_time = completed is not None and timezone.localdate(completed) <= due_date
        if not (due_date < today or on_time):
            continue
        for i, q in enumerate(quarters):
            if q.start <= due_date <= q.end:
                counted[i] += 1
                kept[i] += on_time
                break
    return {q.label: percent(kept[i], counted[i]) for i, q in enumerate(quarters)}


ACTIONS_ON_TIME = ProcessGoal(
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
