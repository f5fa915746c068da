"""Indicators: create, change, retire; adopting from the library; the partnership's tolerance band."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aspm import hooks
from aspm.financial_calendar import calendar_of
from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Organisation, Partnership, Sector

from ... import library_data
from ...models import INDICATOR_FIELDS, Direction, Indicator, MeasurementSettings, Milestone, Rollup, Strand, Unit
from ...models.figures import DIMENSIONS
from ...models.measurement import ROLLUPS_BY_UNIT, default_rollup
from .. import dimensions
from .targets import target_set

EDITABLE = (*INDICATOR_FIELDS, "is_active")

# The library's partner types -> the sectors our organisations are filed under.
PARTNER_SECTORS = {
    library_data.POLICE: Sector.POLICE,
    library_data.LA: Sector.LOCAL_AUTHORITY,
    library_data.HEALTH: Sector.HEALTH,
    library_data.NGO: Sector.NGO,
    library_data.BUSINESS: Sector.BUSINESS,
    library_data.FAITH: Sector.FAITH_COMMUNITY,
    library_data.CPS: Sector.CRIMINAL_JUSTICE,
    library_data.PRISONS: Sector.CRIMINAL_JUSTICE,
}
LIBRARY_BY_CODE = {item["code"]: item for item in library_data.LIBRARY_INDICATORS}


def _splits(partnership: Partnership, values: dict) -> str:
    """Check the splits named (built-in or the partnership's own dimensions, or cross-tabs of two or
    three of them) and put them in order: a cross-tab's dimensions are splits in their own right."""
    keys = [str(k).strip() for k in values.get("disaggregation") or [] if str(k).strip()]
    if not keys:
        return ""
    registry = DIMENSIONS if dimensions.builtin_only(keys) else dimensions.dimensions_of(partnership)
    unknown = sorted({p for k in keys for p in dimensions.parts_of(k)} - set(registry))
    if unknown:
        return f"Unknown split: {', '.join(unknown)}. Add it on the dimensions page first."
    ordered: list[str] = []
    for key in keys:
        parts = dimensions.parts_of(key)
        if len(parts) > 1:
            if len(parts) > dimensions.MAX_CROSSTAB:
                return f"A cross-tabulation has at most {dimensions.MAX_CROSSTAB} dimensions."
            if len(set(parts)) != len(parts):
                return "A cross-tabulation names each dimension once."
        for part in [*parts, key] if len(parts) > 1 else parts:
            if part not in ordered:
                ordered.append(part)
    single = [k for k in ordered if not dimensions.is_crosstab(k)]
    values["disaggregation"] = single + [k for k in ordered if dimensions.is_crosstab(k)]
    return ""


def _check(partnership: Partnership, values: dict, organisations, exclude_pk=None) -> None:
    errors = {}
    code = (values.get("code") or "").strip()
    if code and Indicator.objects.filter(partnership=partnership, code__iexact=code).exclude(pk=exclude_pk).exists():
        errors["code"] = f"Another indicator already uses the code {code}."
    if values.get("direction") == Direction.RANGE:
        low, high = values.get("range_low"), values.get("range_high")
        if low is None or high is None:
            errors["range_low"] = "A 'keep within a range' indicator needs the lowest and highest acceptable values."
        elif low > high:
            errors["range_high"] = "The highest value must not be below the lowest."
    baseline = values.get("baseline_value")
    if baseline is not None:
        if values.get("unit") == Unit.PERCENTAGE and not (0 <= baseline <= 100):
            errors["baseline_value"] = "A percentage baseline must be between 0 and 100."
        elif values.get("unit") in (Unit.COUNT, Unit.MONEY) and baseline < 0:
            errors["baseline_value"] = "A baseline count or amount cannot be negative."
    library = values.get("library_code")
    if library and library not in LIBRARY_BY_CODE:
        errors["library_code"] = f"“{library}” is not an indicator of the library (such as O1-01)."
    try:
        calendar_of(partnership).check_date(values.get("baseline_date"), timezone.localdate(), field="baseline_date")
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    unit, rule = values.get("unit") or Unit.COUNT, values.get("rollup") or ""
    allowed = ROLLUPS_BY_UNIT.get(unit, ("",))
    if rule not in allowed:
        names = " or ".join(f"“{Rollup(r).label.split(' (')[0].lower()}”" for r in allowed if r)
        errors["rollup"] = (
            f"A {Unit(unit).label.lower()} indicator combines as {names}."
            if names
            else "A qualitative indicator has no figures to combine: leave this empty."
        )
    decimals = values.get("decimals")
    if decimals is not None and not 0 <= decimals <= 4:
        errors["decimals"] = "Show between 0 and 4 decimal places."
    split_error = _splits(partnership, values)
    if split_error:
        errors["disaggregation"] = split_error
    elif values.get("disaggregation") and values.get("unit") != Unit.COUNT:
        errors["disaggregation"] = "Only counts can be split: the parts of a percentage or score do not add up."
    if errors:
        raise ValidationError(errors)
    links = [values.get("objective"), values.get("chain_entry"), values.get("strand"), *organisations]
    check_same_partnership(partnership, links)
    entry, objective = values.get("chain_entry"), values.get("objective")
    if entry is not None and objective is not None and entry.objective_id != objective.pk:
        raise ValidationError({"chain_entry": "This results-chain entry belongs to another objective."})


def indicator_create(*, actor, partnership: Partnership, reporting_organisations=(), **values) -> Indicator:
    unknown = set(values) - set(EDITABLE) - {"library_code"}
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    values = {"unit": Unit.COUNT, "direction": Direction.HIGHER} | values
    if not values.get("rollup"):
        values["rollup"] = default_rollup(values["unit"])
    _check(partnership, values, reporting_organisations)
    with transaction.atomic():
        indicator = audit.create(actor=actor, obj=Indicator(partnership=partnership, **values))
        if reporting_organisations:
            indicator.reporting_organisations.set(reporting_organisations)
            hooks.run(
                "reporting_changed", actor=actor, partnership=partnership, organisations=list(reporting_organisations)
            )
    return indicator


def indicator_update(*, actor, indicator: Indicator, reporting_organisations=None, **values) -> Indicator:
    """Change an indicator; ``library_code`` links it to its library entry (so it can be benchmarked)."""
    unknown = set(values) - set(EDITABLE) - {"library_code"}
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    unit = values.get("unit", indicator.unit)
    if "rollup" in values and not values["rollup"]:
        values["rollup"] = default_rollup(unit)  # left empty on the form: the unit's usual rule
    elif "unit" in values and "rollup" not in values and indicator.rollup not in ROLLUPS_BY_UNIT.get(unit, ()):
        values["rollup"] = default_rollup(unit)  # a new unit brings its own rule unless one is given
    merged = {name: getattr(indicator, name) for name in (*EDITABLE, "library_code")} | values
    _check(indicator.partnership, merged, reporting_organisations or [], exclude_pk=indicator.pk)
    if "disaggregation" in values:
        values["disaggregation"] = merged["disaggregation"]  # in order, with each cross-tab's dimensions
    baseline_date = merged.get("baseline_date")
    early = baseline_date and Milestone.objects.filter(indicator=indicator, due_on__lte=baseline_date).first()
    if early:
        raise ValidationError(
            {
                "baseline_date": f"The milestone due by {early.due_on:%-d %B %Y} would come before the baseline: "
                "milestones lie after it. Move or remove that milestone first."
            }
        )
    with transaction.atomic():
        was_active = Indicator.objects.filter(pk=indicator.pk).values_list("is_active", flat=True).first()
        audit.update(actor=actor, obj=indicator, values=values)
        before = set(indicator.reporting_organisations.values_list("pk", flat=True))
        after = before
        if reporting_organisations is not None:
            after = {o.pk for o in reporting_organisations}
            if before != after:
                indicator.reporting_organisations.set(reporting_organisations)
                audit.record(
                    actor=actor,
                    partnership=indicator.partnership,
                    action="indicator.reporters",
                    obj=indicator,
                    changes={"reporting_organisations": [sorted(before), sorted(after)]},
                )
        if before != after or was_active != indicator.is_active:
            hooks.run(
                "reporting_changed",
                actor=actor,
                partnership=indicator.partnership,
                organisations=sorted(before | after),
            )
    return indicator


def indicator_delete(*, actor, indicator: Indicator) -> None:
    """Delete an indicator that has no figures yet; one with figures is retired (made inactive) instead."""
    if indicator.figures.exists():
        raise ValidationError(
            "This indicator has figures, so it cannot be deleted. Mark it inactive to stop collecting it."
        )
    audit.delete(actor=actor, obj=indicator)


def _library_values(partnership: Partnership, item: dict) -> dict:
    strand = Strand.objects.filter(partnership=partnership, code=item["strand"]).first()
    return {
        "code": item["code"],
        "name": item["name"],
        "definition": item["description"],
        "type": item["type"],
        "unit": item["unit"],
        "rollup": library_data.rollup_of(item),
        "direction": item["direction"],
        "frequency": item["frequency"],
        "collection_method": "; ".join(item["collection_methods"])[:300],
        "disaggregation": list(item["disaggregation"]),
        "pathway_stage": item["pathway_stages"][0] if item["pathway_stages"] else "",
        "strand": strand,
        "library_code": item["code"],
        "range_low": Decimal(0) if item["direction"] == Direction.RANGE else None,
        "range_high": Decimal(100) if item["direction"] == Direction.RANGE else None,
    }


def library_adopt(*, actor, partnership: Partnership, codes, objective=None) -> tuple[list[Indicator], list[str]]:
    """Adopt library indicators: returns (made, skipped codes already adopted). Reporters follow the
    library's typical partners (matched by sector); the coordinator adapts everything afterwards."""
    unknown = [c for c in codes if c not in LIBRARY_BY_CODE]
    if unknown:
        raise ValidationError({"codes": f"Not in the library: {', '.join(unknown)}."})
    if not codes:
        raise ValidationError({"codes": "Choose at least one indicator to adopt."})
    check_same_partnership(partnership, [objective])
    adopted = set(
        Indicator.objects.filter(partnership=partnership, library_code__in=codes).values_list("library_code", flat=True)
    )
    taken = set(Indicator.objects.filter(partnership=partnership, code__in=codes).values_list("code", flat=True))
    organisations = list(Organisation.objects.filter(partnership=partnership, is_active=True))
    made, skipped = [], []
    with transaction.atomic():
        for code in codes:
            if code in adopted or code in taken:
                skipped.append(code)
                continue
            item = LIBRARY_BY_CODE[code]
            values = _library_values(partnership, item)
            if objective is not None:
                values["objective"] = objective
                values["strand"] = objective.strand or values["strand"]
            sectors = {PARTNER_SECTORS[p] for p in item["typical_partners"] if p in PARTNER_SECTORS}
            reporters = [o for o in organisations if o.sector in sectors]
            indicator = indicator_create(
                actor=actor, partnership=partnership, reporting_organisations=reporters, **values
            )
            suggested = library_data.SUGGESTED_TARGETS.get(code)
            if suggested is not None:
                target_set(actor=actor, indicator=indicator, period=None, value=Decimal(suggested))
            made.append(indicator)
        if made:  # the library's suggested rules between indicators the partnership now has
            from .rules import library_rules_adopt

            library_rules_adopt(actor=actor, partnership=partnership, only_for=[i.library_code for i in made])
    return made, skipped


def measurement_settings(partnership: Partnership) -> MeasurementSettings:
    """The partnership's settings row (unsaved defaults if it has none yet)."""
    return MeasurementSettings.objects.filter(partnership=partnership).first() or MeasurementSettings(
        partnership=partnership
    )


def settings_update(*, actor, partnership: Partnership, tolerance_percent) -> MeasurementSettings:
    if tolerance_percent is None or not (0 <= Decimal(tolerance_percent) <= 100):
        raise ValidationError({"tolerance_percent": "The tolerance band is a percentage between 0 and 100."})
    with transaction.atomic():
        current = MeasurementSettings.objects.select_for_update().filter(partnership=partnership).order_by("pk").first()
        if current is None:
            return audit.create(
                actor=actor, obj=MeasurementSettings(partnership=partnership, tolerance_percent=tolerance_percent)
            )
        return audit.update(actor=actor, obj=current, values={"tolerance_percent": tolerance_percent})
