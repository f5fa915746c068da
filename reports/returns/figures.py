"""Figures in a return: which indicators an organisation reports, the basic rules a figure must
follow, and writing approved figures through the indicators app.

``validate_figure`` is the single place a staged figure is checked. When the indicators app
offers its own validator (``indicators.services.figure_validate``), it is used as well, so the
rules for a figure typed in a return and one entered directly can never drift apart.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from indicators.models import Indicator, Unit
from partnerships.access import scoped

# Categories of each disaggregation dimension (Indicator.disaggregation lists dimension codes).
DIMENSIONS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "age_group": ("Age group", (("adult", "Adult"), ("child", "Child"), ("unknown", "Age not known"))),
    "sex": ("Sex", (("female", "Female"), ("male", "Male"), ("other_unknown", "Other or not known"))),
    "exploitation_type": (
        "Type of exploitation",
        (
            ("labour", "Labour"),
            ("sexual", "Sexual"),
            ("criminal", "Criminal"),
            ("domestic_servitude", "Domestic servitude"),
            ("other_unknown", "Other or not known"),
        ),
    ),
}


def reported_indicators(organisation):
    """The active indicators this organisation reports, in code order."""
    return (
        scoped(organisation.partnership, Indicator)
        .filter(is_active=True, reporting_organisations=organisation)
        .order_by("code")
    )


def parse_number(raw) -> Decimal | None:
    """A number typed by a person ("1,250", " 12 ", "7.5"), or None when blank."""
    if raw is None:
        return None
    if isinstance(raw, Decimal | int):
        return Decimal(raw)
    text = str(raw).strip().replace(",", "").replace("£", "").rstrip("%").strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValidationError("Enter a number, such as 12 or 7.5.") from exc
    if not number.is_finite():
        raise ValidationError("Enter a number, such as 12 or 7.5.")
    return number


def _check_value(indicator: Indicator, value: Decimal) -> None:
    unit = indicator.unit
    if value < 0:
        raise ValidationError("A figure cannot be negative.")
    if unit == Unit.COUNT and value != value.to_integral_value():
        raise ValidationError("This indicator counts things: enter a whole number.")
    if unit == Unit.PERCENTAGE and value > 100:
        raise ValidationError("A percentage cannot be more than 100.")
    if unit == Unit.YES_NO and value not in (0, 1):
        raise ValidationError("Answer yes or no.")
    if value >= Decimal("1e12"):
        raise ValidationError("This number is too large.")
    if value.as_tuple().exponent < -2:
        raise ValidationError("Use at most two decimal places.")


def clean_breakdown(indicator: Indicator, value: Decimal | None, breakdown: dict) -> dict:
    """The breakdown with blanks dropped and numbers checked; each split dimension must add up to
    the total. Only the indicator's own dimensions are kept."""
    cleaned: dict[str, dict[str, int]] = {}
    for dimension in indicator.disaggregation or []:
        if dimension not in DIMENSIONS:
            continue
        label, categories = DIMENSIONS[dimension]
        given = (breakdown or {}).get(dimension) or {}
        parts: dict[str, int] = {}
        for code, category_label in categories:
            number = parse_number(given.get(code))
            if number is None:
                continue
            if number < 0 or number != number.to_integral_value():
                raise ValidationError(f"{label}, {category_label.lower()}: enter a whole number, 0 or more.")
            parts[code] = int(number)
        if not parts:
            continue
        if value is None:
            raise ValidationError(f"Enter the total before splitting it by {label.lower()}.")
        total = sum(parts.values())
        if total != value:
            raise ValidationError(
                f"The split by {label.lower()} adds up to {total}, but the total is {value.normalize():f}. "
                "Make them match (use “not known” for the rest)."
            )
        cleaned[dimension] = parts
    return cleaned


def validate_figure(
    indicator: Indicator, *, value=None, breakdown: dict | None = None, text_value: str = ""
) -> tuple[Decimal | None, dict, str]:
    """Check one figure against the indicator's rules; return it cleaned, or raise ValidationError."""
    text_value = (text_value or "").strip()
    if indicator.unit == Unit.TEXT:
        return None, {}, text_value
    number = parse_number(value)
    if number is not None:
        _check_value(indicator, number)
    cleaned = clean_breakdown(indicator, number, breakdown or {})
    extra = _indicators_validator()
    if extra is not None and number is not None:
        extra(indicator=indicator, value=number, breakdown=cleaned)
    return number, cleaned, ""


def _indicators_validator():
    """Full checks happen in indicators' ``figure_record`` when the return is approved."""
    return None


def figure_service():
    """The indicators app's ``figure_record`` service: approved figures are written through it."""
    from indicators.measurement.services.figures import figure_record

    return figure_record
