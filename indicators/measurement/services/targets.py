"""Targets per indicator and period (or the whole plan), each change kept as a revision."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm.imports import values as typed_values
from partnerships import audit
from partnerships.access import check_same_partnership

from ...models import Indicator, ReportingPeriod, Target, TargetRevision, Unit


def parse_target(indicator: Indicator, raw) -> Decimal:
    """A target or milestone as people write it (12, 3,250, £3,250.00, 80%, yes or no), checked against the unit."""
    try:
        value = Decimal(typed_values.number_or_yes_no(raw))
    except ValueError as error:
        raise ValidationError({"value": str(error)}) from None
    except InvalidOperation:
        raise ValidationError({"value": "Enter a number, such as 12 or 12.5."}) from None
    if not value.is_finite():
        raise ValidationError({"value": "Enter a number, such as 12 or 12.5."})
    unit = indicator.combined_unit  # a share of organisations saying yes is aimed at as a percentage
    if unit == Unit.TEXT:
        raise ValidationError({"value": "A qualitative (text) indicator has no numeric target."})
    if unit == Unit.PERCENTAGE and not (0 <= value <= 100):
        raise ValidationError({"value": "A percentage target must be between 0 and 100."})
    if unit in (Unit.COUNT, Unit.MONEY, Unit.SCORE) and value < 0:
        raise ValidationError({"value": "A target cannot be negative."})
    if unit == Unit.YES_NO and value not in (0, 1):
        raise ValidationError({"value": "A yes/no target is yes or no (or 1 or 0)."})
    return value


def target_set(*, actor, indicator: Indicator, period: ReportingPeriod | None, value, reason: str = "") -> Target:
    """Create or change a target; a change needs a reason and keeps old and new in the history."""
    check_same_partnership(indicator.partnership, [period])
    parsed = parse_target(indicator, value)
    with transaction.atomic():
        target = Target.objects.select_for_update().filter(indicator=indicator, period=period).order_by("pk").first()
        if target is None:
            target = audit.create(
                actor=actor,
                obj=Target(partnership=indicator.partnership, indicator=indicator, period=period, value=parsed),
            )
            old = None
        else:
            if target.value == parsed:
                return target
            if not reason.strip():
                raise ValidationError({"reason": "Say why the target changes: the reason is kept with the history."})
            old = target.value
            audit.update(actor=actor, obj=target, values={"value": parsed})
        TargetRevision.objects.create(
            partnership=indicator.partnership,
            target=target,
            old_value=old,
            new_value=parsed,
            changed_by=actor if getattr(actor, "is_authenticated", False) else None,
            reason=reason.strip(),
        )
    return target


def targets_set_many(*, actor, indicator: Indicator, values: dict, reason: str = "") -> list[Target]:
    """Set several targets of one indicator at once (``{period or None: value}``): all or nothing."""
    errors = {}
    with transaction.atomic():
        saved = []
        for period, value in values.items():
            try:
                saved.append(target_set(actor=actor, indicator=indicator, period=period, value=value, reason=reason))
            except ValidationError as error:
                label = period.label if period else "whole plan"
                for message in error.messages:
                    errors.setdefault(f"target_{period.pk if period else 'plan'}", []).append(f"{label}: {message}")
        if errors:
            raise ValidationError(errors)
    return saved
