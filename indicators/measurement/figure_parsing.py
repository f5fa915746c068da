"""How a figure's raw input becomes numbers: a value in the indicator's unit (yes/no, money,
percentage), a numerator and denominator that must agree with it, and a breakdown whose parts add
up to it. Pure checks, no database: the figures service, the validation rules and the returns all
use these, so the same input gets the same words everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..models import Indicator, Rollup, Unit
from ..models.figures import DIMENSIONS

SEP = "*"  # joins a cross-tab's dimensions (nationality*sex) and its cells' categories (albanian*female)

YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}


def _number(raw) -> Decimal | None:
    """A Decimal from what a person typed, or None if it is not a number."""
    if isinstance(raw, Decimal):
        return raw if raw.is_finite() else None
    if isinstance(raw, bool):
        return None
    text = str(raw).strip().replace(",", "").replace("£", "").rstrip("%").strip()
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def _plain(value: Decimal):
    return int(value) if value == value.to_integral_value() else float(value)


def parse_value(indicator: Indicator, raw) -> tuple[Decimal | None, list[str]]:
    """The figure's numeric value, or the reasons it is not acceptable for this indicator."""
    if indicator.unit == Unit.TEXT:
        return None, []
    if raw is None or str(raw).strip() == "":
        return None, ["Enter the figure."]
    if indicator.unit == Unit.YES_NO and str(raw).strip().lower() in YES | NO:
        return Decimal(1 if str(raw).strip().lower() in YES else 0), []
    value = _number(raw)
    if value is None:
        return None, [f"“{str(raw)[:40]}” is not a number: enter digits only, such as 12 or 12.5."]
    unit = indicator.unit
    if unit == Unit.PERCENTAGE and value > 100:
        return None, [f"A percentage cannot be more than 100 (you entered {value})."]
    if value < 0 and unit in (Unit.COUNT, Unit.PERCENTAGE, Unit.MONEY, Unit.YES_NO):
        return None, [f"A {indicator.get_unit_display().lower()} cannot be negative (you entered {value})."]
    if unit == Unit.COUNT and value != value.to_integral_value():
        return None, [f"A count is a whole number (you entered {value})."]
    if unit == Unit.YES_NO and value not in (0, 1):
        return None, ["Answer yes or no (1 or 0)."]
    if abs(value) >= Decimal("1e12"):
        return None, ["This number is too large."]
    return value, []


@dataclass
class Numbers:
    """What a figure's numbers become once checked: the value, and for a proportion or a score the
    numerator and denominator behind it."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


def _count(raw, name: str, label: str, errors: dict) -> Decimal | None:
    if raw is None or str(raw).strip() == "":
        return None
    number = _number(raw)
    if number is None:
        errors.setdefault(name, []).append(f"The {label} “{str(raw)[:40]}” is not a number: enter digits only.")
    elif number < 0:
        errors.setdefault(name, []).append(f"The {label} cannot be negative (you entered {number}).")
    elif abs(number) >= Decimal("1e12"):
        errors.setdefault(name, []).append(f"The {label} is too large.")
    else:
        return number
    return None


def parse_numbers(indicator: Indicator, raw_value, raw_numerator=None, raw_denominator=None):
    """The figure's value with its numerator and denominator, or the reasons they are not acceptable.

    A proportion may be given as a numerator and a denominator (the percentage is worked out), or as
    a percentage and its denominator (the numerator is worked out), or, where an organisation can
    only give a percentage, as the percentage alone — which is then kept but cannot be combined
    with other organisations' figures. A score may say how many responses it averages."""
    errors: dict[str, list[str]] = {}
    rule = indicator.rule
    numerator = _count(raw_numerator, "numerator", "numerator", errors)
    denominator = _count(raw_denominator, "denominator", "denominator", errors)
    if rule not in (Rollup.RATIO, Rollup.MEAN):
        if numerator is not None or denominator is not None:
            errors.setdefault("__all__", []).append(
                f"{indicator.code} is not a proportion or a score: leave the numerator and denominator empty."
            )
        value, value_errors = parse_value(indicator, raw_value)
        if value_errors:
            errors["value"] = value_errors
        return Numbers(value), errors
    if rule == Rollup.MEAN and numerator is not None:
        errors.setdefault("numerator", []).append("A score has no numerator: give the number of responses instead.")
    if denominator is not None and denominator == 0:
        errors.setdefault("denominator", []).append(
            "The denominator must be more than 0: it is how many people or cases the figure is about."
        )
    if errors:
        return Numbers(), errors
    value_given = raw_value is not None and str(raw_value).strip() != ""
    if rule == Rollup.RATIO and numerator is not None:
        if denominator is None:
            return Numbers(), {"denominator": ["Give the denominator too: how many the numerator is out of."]}
        if numerator > denominator:
            return Numbers(), {
                "numerator": [
                    f"The numerator ({_plain(numerator)}) cannot be larger than "
                    f"the denominator ({_plain(denominator)})."
                ]
            }
        worked_out = (numerator * 100 / denominator).quantize(Decimal("0.01"))
        if value_given:
            typed, value_errors = parse_value(indicator, raw_value)
            if value_errors:
                return Numbers(), {"value": value_errors}
            if abs(typed - worked_out) > Decimal("0.5"):
                return Numbers(), {
                    "value": [
                        f"{_plain(typed)}% does not match {_plain(numerator)} out of {_plain(denominator)} "
                        f"({_plain(worked_out)}%). Leave the percentage empty and it is worked out for you."
                    ]
                }
        return Numbers(worked_out, numerator, denominator), {}
    value, value_errors = parse_value(indicator, raw_value)
    if value_errors:
        return Numbers(), {"value": value_errors}
    if rule == Rollup.RATIO and denominator is not None:
        return Numbers(value, (value * denominator / 100).quantize(Decimal("0.01")), denominator), {}
    return Numbers(value, None, denominator), {}


def parse_breakdown(
    indicator: Indicator, value: Decimal | None, raw: dict | None, dimensions: dict | None = None
) -> tuple[dict, dict[str, list[str]]]:
    """Normalise a breakdown ``{dimension: {category: number}}`` and check each dimension adds up.

    ``dimensions`` is the partnership's registry (``dimensions.dimensions_of``; the built-ins when
    None). A cross-tab (``nationality*sex``: ``{"albanian*female": 3, ...}``) must add up to the total
    and to each of its dimensions' own splits; a dimension's split left out is worked out from the
    cells. The messages name the cell, or the row of the cross-tab, that does not add up."""
    registry = DIMENSIONS if dimensions is None else dimensions
    clean, errors = {}, {}
    allowed = set(indicator.disaggregation or [])
    raw = {k: v for k, v in (raw or {}).items()}
    crosstabs = {k: v for k, v in raw.items() if SEP in k}
    for dim, parts in raw.items():
        if dim in crosstabs:
            continue
        if dim not in registry or dim not in allowed:
            errors.setdefault("breakdown", []).append(f"This indicator is not split by “{dim}”.")
            continue
        dim_label, categories = registry[dim]
        numbers, bad = {}, []
        for category, raw_part in (parts or {}).items():
            if raw_part is None or str(raw_part).strip() == "":
                continue
            if category not in categories:
                bad.append(f"{dim_label}: “{category}” is not one of {', '.join(categories.values())}.")
                continue
            part = _people(raw_part)
            if part is None:
                bad.append(f"{dim_label} – {categories[category]}: enter a whole number of 0 or more.")
                continue
            numbers[category] = part
        if bad:
            errors.setdefault(f"breakdown_{dim}", []).extend(bad)
            continue
        if not numbers:
            continue
        total = sum(numbers.values())
        if value is not None and total != value:
            errors.setdefault(f"breakdown_{dim}", []).append(
                f"{dim_label} adds up to {_plain(total)}, but the total is {_plain(value)}. "
                f"Make the parts add up (use “unknown” for people whose {dim_label.lower()} is not known)."
            )
            continue
        clean[dim] = {c: _plain(n) for c, n in numbers.items()}
    for key, cells in crosstabs.items():
        _crosstab(key, cells, value, registry, allowed, clean, errors)
    return clean, errors


def _people(raw) -> Decimal | None:
    """A count of people in one group of a split: a whole number of 0 or more, else None."""
    part = _number(raw)
    return part if part is not None and part >= 0 and part == part.to_integral_value() else None


def _crosstab(key: str, raw_cells, value, registry: dict, allowed: set, clean: dict, errors: dict) -> None:
    """Check one cross-tab's cells (whole numbers, known categories), that they add up to the total and
    to each dimension's split; on success its cells and any split worked out from them go into ``clean``."""
    dims = key.split(SEP)
    error_key = f"breakdown_{key}"
    if key not in allowed or any(d not in registry for d in dims) or not 2 <= len(dims) <= 3:
        errors.setdefault("breakdown", []).append(f"This indicator is not split by “{key.replace(SEP, ' × ')}”.")
        return
    names = [registry[d][0] for d in dims]
    title = " × ".join(names)
    numbers: dict[tuple[str, ...], Decimal] = {}
    bad = []
    for raw_cell, raw_part in (raw_cells or {}).items():
        if raw_part is None or str(raw_part).strip() == "":
            continue
        cell = tuple(str(raw_cell).split(SEP))
        label = ", ".join(registry[d][1].get(c, c) for d, c in zip(dims, cell, strict=False))
        if len(cell) != len(dims):
            bad.append(f"{title}: the cell “{raw_cell}” does not name one group of each of {', '.join(names)}.")
            continue
        unknown = [
            f"“{c}” is not a group of {registry[d][0]}"
            for d, c in zip(dims, cell, strict=True)
            if c not in registry[d][1]
        ]
        if unknown:
            bad.append(f"{title}: {'; '.join(unknown)}.")
            continue
        part = _people(raw_part)
        if part is None:
            bad.append(f"{title} – {label}: enter a whole number of 0 or more.")
            continue
        numbers[cell] = part
    if bad:
        errors.setdefault(error_key, []).extend(bad)
        return
    if not numbers:
        return
    total = sum(numbers.values())
    if value is not None and total != value:
        errors.setdefault(error_key, []).append(
            f"The {title} cells add up to {_plain(total)}, but the total is {_plain(value)}."
        )
        return
    derived = {}
    for position, dim in enumerate(dims):
        margin: dict[str, Decimal] = {}
        for cell, n in numbers.items():
            margin[cell[position]] = margin.get(cell[position], Decimal(0)) + n
        stated = clean.get(dim)
        if stated is None and dim in allowed and f"breakdown_{dim}" not in errors:
            derived[dim] = {c: _plain(n) for c, n in margin.items()}
            continue
        for category in registry[dim][1]:
            said, summed = Decimal((stated or {}).get(category, 0)), margin.get(category, Decimal(0))
            if said != summed:
                errors.setdefault(error_key, []).append(
                    f"{title}: the cells for {registry[dim][0]} “{registry[dim][1][category]}” add up to "
                    f"{_plain(summed)}, but the {registry[dim][0].lower()} split says {_plain(said)}."
                )
    if error_key in errors:
        return
    for dim, margin in derived.items():
        clean[dim] = margin
    clean[key] = {SEP.join(cell): _plain(n) for cell, n in numbers.items()}
