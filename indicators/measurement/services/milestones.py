"""Milestones: dated targets between an indicator's baseline and the end of the strategy period."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aspm.financial_calendar import calendar_of
from partnerships import audit

from ...models import Indicator, Milestone
from ...strategy.period import strategy_period_of
from .targets import parse_target


def _check_date(indicator: Indicator, due_on: date) -> None:
    partnership = indicator.partnership
    calendar_of(partnership).check_date(due_on, timezone.localdate(), field="due_on")
    period = strategy_period_of(partnership)
    if period is None:
        raise ValidationError({"due_on": "Set the plan's strategy period first: milestones fall inside it."})
    if not period.holds(due_on):
        raise ValidationError(
            {
                "due_on": f"Choose a date inside the strategy period, {period.label} "
                f"({period.start:%-d %B %Y} to {period.end:%-d %B %Y})."
            }
        )
    if indicator.baseline_date and due_on <= indicator.baseline_date:
        raise ValidationError({"due_on": f"Choose a date after the baseline ({indicator.baseline_date:%-d %B %Y})."})


@transaction.atomic
def milestone_set(*, actor, indicator: Indicator, due_on: date, value, note: str = "") -> Milestone:
    """Add the milestone due on ``due_on``, or change the one already set for that date."""
    _check_date(indicator, due_on)
    parsed = parse_target(indicator, value)
    existing = Milestone.objects.select_for_update().filter(indicator=indicator, due_on=due_on).first()
    if existing is not None:
        return audit.update(actor=actor, obj=existing, values={"value": parsed, "note": note.strip()})
    return audit.create(
        actor=actor,
        obj=Milestone(
            partnership=indicator.partnership, indicator=indicator, due_on=due_on, value=parsed, note=note.strip()
        ),
    )


def milestone_delete(*, actor, milestone: Milestone) -> None:
    audit.delete(actor=actor, obj=milestone)
