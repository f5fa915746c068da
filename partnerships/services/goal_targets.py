"""Targets for process goals, set by the partnership."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm import health_goals

from .. import audit
from ..models import Partnership, ProcessGoalTarget, User


def process_goal_target_set(
    *, actor: User | None, partnership: Partnership, goal: str, target: Decimal, amber_margin: Decimal
) -> ProcessGoalTarget:
    definition = health_goals.goal(goal)
    if definition is None or not definition.settable:
        raise ValidationError({"goal": "This process goal does not exist."})
    low, high = definition.bounds
    unit = "%" if definition.unit == "percent" else ""
    errors = {}
    if target is None or not (low <= target <= high):
        errors["target"] = f"The target for {definition.name.lower()} must be between {low}{unit} and {high}{unit}."
    if amber_margin is None or amber_margin < 0 or amber_margin > high - low:
        errors["amber_margin"] = f"The amber margin must be between 0 and {high - low}{unit}."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        existing = (
            ProcessGoalTarget.objects.select_for_update()
            .filter(partnership=partnership, goal=goal)
            .order_by("pk")
            .first()
        )
        if existing is None:
            return audit.create(
                actor=actor,
                obj=ProcessGoalTarget(partnership=partnership, goal=goal, target=target, amber_margin=amber_margin),
            )
        return audit.update(actor=actor, obj=existing, values={"target": target, "amber_margin": amber_margin})


def process_goal_targets_set(
    *, actor: User | None, partnership: Partnership, targets: dict[str, tuple[Decimal, Decimal]]
) -> list[ProcessGoalTarget]:
    """Set several goals' targets at once (``{goal code: (target, amber margin)}``): all or nothing."""
    with transaction.atomic():
        return [
            process_goal_target_set(
                actor=actor, partnership=partnership, goal=goal, target=target, amber_margin=amber_margin
            )
            for goal, (target, amber_margin) in targets.items()
        ]
