"""Figures in a return: which indicators an organisation reports, and checking staged figures with
the indicators app's own rules.

There is one set of rules for a figure, whether typed on an indicator's page, imported or staged in
a return: ``indicators.measurement.services.figures`` (type, range, locked or not-open period, the
organisation reports the indicator, disaggregation totals). ``check_staged`` runs them for a whole
return at once (``figures_validate_many``: a handful of queries for 40 figures), so the SPOC sees
the same messages on the return form that the indicator pages give, and approval cannot fail on a
figure the form accepted.

A quarter that is locked takes no new figures except through a coordinator's recorded correction.
A return for a locked quarter may still carry figures **equal** to the ones recorded (the demo's
earlier quarters, or a late return that matches what was entered directly): those are accepted and,
on approval, skipped. Any different figure is refused with the correction route named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError

from aspm.formatting import format_for
from indicators.measurement.dimensions import dimensions_for
from indicators.measurement.figure_parsing import parse_breakdown, parse_numbers
from indicators.measurement.services.figures import FigureInput
from indicators.measurement.services.figures_many import figures_validate_many
from indicators.measurement.validation_rules import Fact, check_figures
from indicators.models import Indicator, PeriodKind, PeriodStatus, ReportingPeriod, Unit
from indicators.models.figures import DIMENSIONS, Figure
from partnerships.access import scoped

__all__ = [
    "DIMENSIONS",
    "check_staged",
    "figure_service",
    "last_quarter_figures",
    "recorded_figures",
    "return_breaches",
    "reported_indicators",
    "same_as",
]

LOCKED_ROUTE = (
    "{period} is locked, and this figure differs from the one recorded. Leave it as recorded ({recorded}); "
    "if the recorded figure is wrong, the coordinator corrects it on the indicator's page "
    "(Results → the indicator → Correct), giving a reason."
)


def reported_indicators(organisation):
    """The active indicators this organisation reports, in code order."""
    return (
        scoped(organisation.partnership, Indicator)
        .filter(is_active=True, reporting_organisations=organisation)
        .order_by("code")
    )


def recorded_figures(return_, period=None) -> dict[int, Figure]:
    """The figures already recorded for this return's organisation and quarter (or ``period``), by indicator id."""
    figures = scoped(return_.partnership, Figure).filter(
        period=period or return_.period, organisation=return_.organisation
    )
    return {f.indicator_id: f for f in figures}


def last_quarter_figures(return_) -> dict[int, Figure]:
    """What the organisation has on record for the quarter before this return's, by indicator id: read
    when the return is shown, so it is there even when last quarter's figures came in after this
    return was opened (the copy taken at opening is only a fallback). Two queries."""
    before = (
        scoped(return_.partnership, ReportingPeriod)
        .filter(kind=PeriodKind.QUARTER, end__lt=return_.period.start)
        .order_by("-start")
        .first()
    )
    return recorded_figures(return_, before) if before else {}


def _blank(data: dict) -> bool:
    parts = [v for dim in (data.get("breakdown") or {}).values() for v in (dim or {}).values()]
    numbers = [data.get("value"), data.get("numerator"), data.get("denominator")]
    return (
        all(str(n if n is not None else "").strip() == "" for n in numbers)
        and not (data.get("text_value") or "").strip()
        and all(str(p if p is not None else "").strip() == "" for p in parts)
    )


@dataclass(frozen=True)
class Staged:
    """A figure of a return as it would be recorded."""

    value: Decimal | None = None
    breakdown: dict = field(default_factory=dict)
    text_value: str = ""
    numerator: Decimal | None = None
    denominator: Decimal | None = None


BLANK = Staged()


def _clean(indicator: Indicator, data: dict) -> Staged | None:
    """The figure as it would be recorded, or None when it does not pass the value rules."""
    numbers, errors = parse_numbers(indicator, data.get("value"), data.get("numerator"), data.get("denominator"))
    given = _only_given(data.get("breakdown"))
    clean, breakdown_errors = parse_breakdown(
        indicator, numbers.value, given, dimensions_for(indicator) if any(given.values()) else None
    )
    if errors or breakdown_errors:
        return None
    text = (data.get("text_value") or "").strip() if indicator.unit == Unit.TEXT else ""
    return Staged(numbers.value, clean, text, numbers.numerator, numbers.denominator)


def _only_given(breakdown) -> dict:
    return {
        dim: {c: v for c, v in (parts or {}).items() if str(v if v is not None else "").strip() != ""}
        for dim, parts in (breakdown or {}).items()
    }


def same_as(recorded: Figure | None, staged: Staged) -> bool:
    """Whether a staged figure says exactly what is already recorded."""
    if recorded is None:
        return False
    return (
        recorded.value == staged.value
        and recorded.denominator == staged.denominator
        and (recorded.breakdown or {}) == (staged.breakdown or {})
        and (recorded.text_value or "").strip() == (staged.text_value or "").strip()
    )


def _shown(figure: Figure, indicator: Indicator) -> str:
    if figure.value is None:
        return f"“{figure.text_value[:40]}”" if figure.text_value else "none"
    return format_for(figure.value, indicator)  # "71.7%", "Yes": as every page writes it


def check_staged(return_, figures: dict) -> tuple[dict[int, Staged], dict[str, list[str]]]:
    """Check the figures typed in a return: ``figures`` maps indicator id to ``{"value",
    "numerator", "denominator", "breakdown", "text_value"}`` (as read from the form). Returns
    ``(cleaned, errors)``: cleaned figures by indicator id (blank ones as ``BLANK``, allowed in a
    draft) and the errors keyed ``figure-<indicator id>`` in plain words."""
    staged = {f.indicator_id: f.indicator for f in return_.figures.select_related("indicator")}
    rows, cleaned, unknown = [], {}, {}
    for indicator_id, data in figures.items():
        indicator = staged.get(int(indicator_id))
        if indicator is None:
            # Not an indicator this organisation reports in this return (unknown, another partnership's,
            # or not reported here): saying nothing made a client believe its figure was kept.
            unknown[f"figure-{indicator_id}"] = [
                f"There is no indicator with id {indicator_id} in this return: "
                "send figures only for the indicators the return lists."
            ]
            continue
        if _blank(data):
            cleaned[indicator.pk] = BLANK
            continue
        rows.append(
            FigureInput(
                indicator=indicator,
                period=return_.period,
                organisation=return_.organisation,
                value=data.get("value") if indicator.unit != Unit.TEXT else None,
                breakdown=_only_given(data.get("breakdown")),
                text_value=data.get("text_value") or "",
                numerator=data.get("numerator"),
                denominator=data.get("denominator"),
            )
        )
    bad = {id(r) for r in figures_validate_many(rows, rules=False)}  # rules: see return_breaches
    locked = return_.period.status == PeriodStatus.LOCKED
    recorded = recorded_figures(return_) if locked and rows else {}
    errors: dict[str, list[str]] = dict(unknown)
    for row in rows:
        key = f"figure-{row.indicator.pk}"
        text = row.text_value.strip() if row.indicator.unit == Unit.TEXT else ""
        if id(row) in bad:
            messages = {k: v for k, v in row.errors.items() if not (locked and k == "period")}
            if messages:
                errors[key] = [m for v in messages.values() for m in v]
                continue
            result = _clean(
                row.indicator,
                {
                    "value": row.value,
                    "numerator": row.numerator,
                    "denominator": row.denominator,
                    "breakdown": row.breakdown,
                    "text_value": text,
                },
            )
        else:
            result = Staged(row.value, row.breakdown or {}, text, row.numerator, row.denominator)
        if result is not None and result.value is not None and result.value.as_tuple().exponent < -2:
            errors[key] = ["Use at most two decimal places."]
            continue
        if locked and not same_as(recorded.get(row.indicator.pk), result):
            previous = recorded.get(row.indicator.pk)
            errors[key] = [
                LOCKED_ROUTE.format(period=return_.period.label, recorded=_shown(previous, row.indicator))
                if previous
                else f"{return_.period.label} is locked and has no figure recorded for {row.indicator.code}, so "
                "none can be added from a return. Leave it blank and say why in the comment."
            ]
            continue
        cleaned[row.indicator.pk] = result
    return cleaned, errors


def return_breaches(return_, figures=None) -> list:
    """The validation rules this return's figures break (warnings and "must hold"), judged with the
    figures already recorded for its organisation and quarter (a figure in the return replaces the
    recorded one). ``figures``: the return's figures if already loaded. One query without rules.
    The SPOC sees them beside the figures; a "must hold" breach stops submission and approval."""
    figures = return_.figures.all() if figures is None else figures
    staged = [
        Fact(f.indicator_id, return_.period_id, return_.organisation_id, f.value, f.breakdown or {})
        for f in figures
        if f.value is not None
    ]
    return check_figures(return_.partnership, staged)


def figure_service():
    """The indicators app's ``figure_record`` service: approved figures are written through it."""
    from indicators.measurement.services.figures import figure_record

    return figure_record


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
