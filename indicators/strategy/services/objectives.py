"""SMART objectives: create, edit, confirm as specific, delete."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Partnership

from ...models import OBJECTIVE_FIELDS, Objective, PathwayStage


def _next_code(partnership: Partnership) -> str:
    codes = set(Objective.objects.filter(partnership=partnership).values_list("code", flat=True))
    n = len(codes) + 1
    while f"OBJ{n}" in codes:
        n += 1
    return f"OBJ{n}"


def _validate(partnership: Partnership, values: dict, exclude_pk: int | None = None) -> dict:
    errors = {}
    check_same_partnership(
        partnership, [values.get("strand"), values.get("owner_organisation"), values.get("owner_subgroup")]
    )
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end <= start:
        errors["end_date"] = "The end date must be after the start date."
    if values.get("owner_organisation") and values.get("owner_subgroup"):
        errors["owner_subgroup"] = "Choose one owner: an organisation or a sub-group, not both."
    stages = list(values.get("pathway_stages") or [])
    if set(stages) - set(PathwayStage.values):
        errors["pathway_stages"] = "Choose stages of the victim care pathway from the list."
    values["pathway_stages"] = [s for s in PathwayStage.values if s in stages]
    code = (values.get("code") or "").strip()
    if code and Objective.objects.filter(partnership=partnership, code__iexact=code).exclude(pk=exclude_pk).exists():
        errors["code"] = f"Another objective already has the reference {code}."
    if not (values.get("title") or "").strip():
        errors["title"] = "Give the objective a title."
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def objective_create(*, actor, partnership: Partnership, **values) -> Objective:
    unknown = set(values) - set(OBJECTIVE_FIELDS)
    if unknown:
        raise ValueError(f"Not an objective field: {sorted(unknown)}")
    values = _validate(partnership, values)
    values["code"] = (values.get("code") or "").strip() or _next_code(partnership)
    return audit.create(actor=actor, obj=Objective(partnership=partnership, **values))


@transaction.atomic
def objective_update(*, actor, objective: Objective, **values) -> Objective:
    unknown = set(values) - set(OBJECTIVE_FIELDS)
    if unknown:
        raise ValueError(f"Not an objective field: {sorted(unknown)}")
    merged = {f: getattr(objective, f) for f in OBJECTIVE_FIELDS} | values
    merged = _validate(objective.partnership, merged, exclude_pk=objective.pk)
    merged["code"] = (merged.get("code") or "").strip() or objective.code
    return audit.update(actor=actor, obj=objective, values={k: merged[k] for k in set(values) | {"pathway_stages"}})


@transaction.atomic
def objective_set_specific(*, actor, objective: Objective, confirmed: bool) -> Objective:
    """The coordinator's judgement that the objective says exactly what will change, for whom, where."""
    return audit.update(
        actor=actor,
        obj=objective,
        values={"specific_confirmed": confirmed},
        action="objective.confirm_specific" if confirmed else "objective.unconfirm_specific",
    )


@transaction.atomic
def objective_delete(*, actor, objective: Objective) -> None:
    from ...models import Indicator

    if Indicator.objects.filter(objective=objective).exists():
        raise ValidationError("Indicators measure this objective: move or delete them first.")
    try:
        with transaction.atomic():
            audit.delete(actor=actor, obj=objective)
    except ProtectedError as error:
        raise ValidationError(
            "Other records (such as actions) still belong to this objective: move or close them first."
        ) from error
