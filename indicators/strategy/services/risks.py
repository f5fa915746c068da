"""The risk register."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Partnership

from ...models import RISK_FIELDS, Risk


def _validate(partnership: Partnership, values: dict, objectives) -> None:
    check_same_partnership(partnership, [values.get("owner_organisation"), *(objectives or [])])
    errors = {}
    for name in ("likelihood", "impact"):
        value = values.get(name)
        if value is None or value == "":
            errors[name] = f"Give the {name} a number from 1 to 5."
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not 1 <= number <= 5 or str(number) != str(value).strip():
            errors[name] = f"The {name} must be a whole number from 1 to 5; {value} is not."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def risk_create(*, actor, partnership: Partnership, objectives=(), **values) -> Risk:
    unknown = set(values) - set(RISK_FIELDS)
    if unknown:
        raise ValueError(f"Not a risk field: {sorted(unknown)}")
    _validate(partnership, values, objectives)
    risk = audit.create(actor=actor, obj=Risk(partnership=partnership, **values))
    if objectives:
        risk.objectives.set(objectives)
    return risk


@transaction.atomic
def risk_update(*, actor, risk: Risk, objectives=None, **values) -> Risk:
    unknown = set(values) - set(RISK_FIELDS)
    if unknown:
        raise ValueError(f"Not a risk field: {sorted(unknown)}")
    merged = {f: getattr(risk, f) for f in RISK_FIELDS} | values
    _validate(risk.partnership, merged, objectives)
    audit.update(actor=actor, obj=risk, values=values)
    if objectives is not None:
        before = sorted(risk.objectives.values_list("pk", flat=True))
        after = sorted(o.pk for o in objectives)
        if before != after:
            risk.objectives.set(objectives)
            audit.record(
                actor=actor,
                partnership=risk.partnership,
                action="risk.link_objectives",
                obj=risk,
                changes={"objectives": [before, after]},
            )
    return risk


def risk_delete(*, actor, risk: Risk) -> None:
    audit.delete(actor=actor, obj=risk)
