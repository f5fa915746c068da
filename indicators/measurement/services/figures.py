"""Figures: the one path by which a number gets into the partnership's results.

``figure_record`` is used by the page, the spreadsheet import, the demo seeder and the quarterly
returns (when a return is approved). ``figure_validate`` gives the same errors without writing.
The bulk path (imports, seeding) is ``figures_many``, with the same checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm.errors import ConflictError
from aspm.uploads import validate_upload
from partnerships import audit
from partnerships.access import check_same_partnership, scoped

from ...models import Indicator, PeriodKind, PeriodStatus, ReportingPeriod, Rollup, Unit
from ...models.figures import Figure, FigureCorrection, FigureEvidence, FigureSource
from ..dimensions import dimensions_for
from ..figure_parsing import Numbers, parse_breakdown, parse_numbers
from ..validation_rules import Fact, check_figures


@dataclass(slots=True)
class FigureInput:
    """One figure to record in bulk (imports, seeding)."""

    indicator: Indicator
    period: ReportingPeriod
    organisation: object
    value: object
    breakdown: dict | None = None
    comment: str = ""
    text_value: str = ""
    row: int | None = None  # the spreadsheet row, for messages
    numerator: object = None
    denominator: object = None
    errors: dict = field(default_factory=dict)
    from_cells: bool = False  # an import's figure made of a split's cells, one row each


def _locked_message(period: ReportingPeriod) -> str:
    return (
        f"{period.label} is locked: its figures change only through a coordinator's recorded correction "
        "on the indicator's page."
    )


def _check(
    *,
    indicator,
    period,
    organisation,
    value,
    breakdown,
    text_value,
    reporter_ids,
    correcting=False,
    numerator=None,
    denominator=None,
    quarter_levels: set | None = None,
    dimensions: dict | None = None,
) -> tuple[dict[str, list[str]], Numbers, dict]:
    errors: dict[str, list[str]] = {}
    if indicator.partnership_id != period.partnership_id or organisation.partnership_id != indicator.partnership_id:
        errors["__all__"] = ["The indicator, period and organisation must all belong to this partnership."]
        return errors, Numbers(), {}
    if not indicator.is_active:
        errors.setdefault("indicator", []).append(f"{indicator.code} is no longer collected (inactive).")
    if period.status == PeriodStatus.NOT_OPEN:
        errors.setdefault("period", []).append(f"{period.label} is not open for figures yet.")
    elif period.status == PeriodStatus.LOCKED and not correcting:
        errors.setdefault("period", []).append(_locked_message(period))
    if organisation.pk not in reporter_ids:
        errors.setdefault("organisation", []).append(f"{organisation} does not report {indicator.code}.")
    numbers, number_errors = parse_numbers(indicator, value, numerator, denominator)
    for key, messages in number_errors.items():
        errors.setdefault(key, []).extend(messages)
    if period.kind == PeriodKind.MONTH and indicator.rule in (Rollup.STOCK, Rollup.STOCK_AVERAGE):
        levels = _quarter_levels([indicator.pk], [period]) if quarter_levels is None else quarter_levels
        if (indicator.pk, organisation.pk, period.pk) in levels:
            errors.setdefault("period", []).append(
                f"{organisation} already has an end-of-quarter level of {indicator.code} for the quarter "
                f"{period.label} is in. A level is read at one date: change the quarter's figure instead."
            )
    if indicator.unit == Unit.TEXT and not (text_value or "").strip():
        errors.setdefault("text_value", []).append("Write what was found: this indicator is qualitative.")
    clean, breakdown_errors = parse_breakdown(
        indicator, numbers.value, breakdown, dimensions_for(indicator, dimensions) if breakdown else None
    )
    for key, messages in breakdown_errors.items():
        errors.setdefault(key, []).extend(messages)
    return errors, numbers, clean


def _quarter_levels(indicator_ids, months) -> set[tuple[int, int, int]]:
    """(indicator, organisation, month) for each month whose quarter already has the organisation's
    figure for the indicator: a stock indicator's level is read at the quarter's end, once."""
    months = [m for m in months if m.kind == PeriodKind.MONTH]
    if not months:
        return set()
    partnership = months[0].partnership_id  # scoped() filters by the id as well as by the object
    quarters = scoped(partnership, ReportingPeriod).filter(
        kind=PeriodKind.QUARTER,
        start__lte=max(m.start for m in months),
        end__gte=min(m.end for m in months),
    )
    found = set()
    rows = (
        scoped(partnership, Figure)
        .filter(indicator_id__in=indicator_ids, period__in=quarters)
        .values_list("indicator_id", "organisation_id", "period__start", "period__end")
    )
    for indicator_id, organisation_id, start, end in rows:
        for month in months:
            if start <= month.start and month.end <= end:
                found.add((indicator_id, organisation_id, month.pk))
    return found


def _reporter_ids(indicator: Indicator) -> set[int]:
    return set(indicator.reporting_organisations.values_list("pk", flat=True))


def figure_validate(
    *,
    indicator,
    period,
    organisation,
    value,
    breakdown=None,
    text_value="",
    correcting=False,
    numerator=None,
    denominator=None,
) -> dict[str, list[str]]:
    """The errors ``figure_record`` would give, as ``{field: [messages]}``; empty when valid. Writes nothing."""
    errors, _, _ = _check(
        indicator=indicator,
        period=period,
        organisation=organisation,
        value=value,
        breakdown=breakdown,
        text_value=text_value,
        reporter_ids=_reporter_ids(indicator),
        correcting=correcting,
        numerator=numerator,
        denominator=denominator,
    )
    return errors


def figure_record(
    *,
    actor,
    indicator: Indicator,
    period: ReportingPeriod,
    organisation,
    value,
    breakdown=None,
    comment: str = "",
    text_value: str = "",
    source: str = FigureSource.FORM,
    numerator=None,
    denominator=None,
    check_rules: bool = True,
) -> Figure:
    """Record (or replace) one organisation's figure for an indicator and period, after every check,
    including the partnership's "must hold" validation rules (``validation_rules.check_figures``).
    For a proportion, ``numerator`` and ``denominator`` (or the percentage and its denominator).
    ``check_rules=False`` only for a caller that has judged the rules on the figure together with
    the others it records at once (an approved return)."""
    check_same_partnership(indicator.partnership, [period, organisation])
    with transaction.atomic():
        period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)  # a lock cannot slip in between
        if period.status == PeriodStatus.LOCKED:  # the period's state, not the values: a conflict (409)
            raise ConflictError({"period": [_locked_message(period)]})
        errors, numbers, clean = _check(
            indicator=indicator,
            period=period,
            organisation=organisation,
            value=value,
            breakdown=breakdown,
            text_value=text_value,
            reporter_ids=_reporter_ids(indicator),
            numerator=numerator,
            denominator=denominator,
        )
        if not errors and check_rules:
            staged = Fact(indicator.pk, period.pk, organisation.pk, numbers.value, clean)
            broken = must_hold_messages(check_figures(indicator.partnership, [staged]))
            if broken:
                errors["value"] = broken
        if errors:
            raise ValidationError(errors)
        values = {
            "value": numbers.value,
            "numerator": numbers.numerator,
            "denominator": numbers.denominator,
            "breakdown": clean,
            "comment": comment.strip(),
            "text_value": text_value.strip(),
        }
        existing = (
            Figure.objects.select_for_update()
            .filter(indicator=indicator, period=period, organisation=organisation)
            .order_by("pk")  # no joins: PostgreSQL locks only the figure row
            .first()
        )
        if existing is None:
            return audit.create(
                actor=actor,
                obj=Figure(
                    partnership=indicator.partnership,
                    indicator=indicator,
                    period=period,
                    organisation=organisation,
                    source=source,
                    entered_by=_user(actor),
                    **values,
                ),
            )
        return audit.update(actor=actor, obj=existing, values={**values, "source": source, "entered_by": _user(actor)})


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def figure_correct(
    *,
    actor,
    figure: Figure,
    value,
    reason: str,
    breakdown=None,
    text_value: str = "",
    numerator=None,
    denominator=None,
) -> Figure:
    """A coordinator's correction to a figure of a locked (or open) period, with the reason kept."""
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the figure is corrected: the reason is kept with the figure."})
    with transaction.atomic():
        figure = (
            Figure.objects.select_for_update().select_related("indicator", "period", "organisation").get(pk=figure.pk)
        )
        errors, numbers, clean = _check(
            indicator=figure.indicator,
            period=figure.period,
            organisation=figure.organisation,
            value=value,
            breakdown=breakdown,
            text_value=text_value,
            reporter_ids={figure.organisation_id},
            correcting=True,
            numerator=numerator,
            denominator=denominator,
            quarter_levels=set(),  # the figure exists already: a correction changes it in place
        )
        if not errors:  # a correction is held to the partnership's "must hold" rules like any figure
            staged = Fact(figure.indicator_id, figure.period_id, figure.organisation_id, numbers.value, clean)
            broken = must_hold_messages(check_figures(figure.partnership, [staged]))
            if broken:
                errors["value"] = broken
        if errors:
            raise ValidationError(errors)
        FigureCorrection.objects.create(
            partnership=figure.partnership,
            figure=figure,
            old_value=figure.value,
            new_value=numbers.value,
            old_breakdown=figure.breakdown,
            reason=reason.strip(),
            corrected_by=_user(actor),
        )
        return audit.update(
            actor=actor,
            obj=figure,
            action="figure.correct",
            values={
                "value": numbers.value,
                "numerator": numbers.numerator,
                "denominator": numbers.denominator,
                "breakdown": clean,
                "text_value": text_value.strip() or figure.text_value,
                "source": FigureSource.CORRECTION,
            },
        )


def must_hold_messages(breaches) -> list[str]:
    return [
        f"{b.sentence} This rule must hold: correct the figures, or ask the coordinator."
        for b in breaches
        if b.must_hold
    ]


def evidence_add(*, actor, figure: Figure, upload, description: str = "") -> FigureEvidence:
    """Attach an evidence file to a figure (checked by content and size)."""
    try:
        validate_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    name = (getattr(upload, "name", "") or "evidence").rsplit("/", 1)[-1][:200]
    return audit.create(
        actor=actor,
        obj=FigureEvidence(
            partnership=figure.partnership,
            figure=figure,
            file=upload,
            original_name=name,
            description=description.strip(),
            uploaded_by=_user(actor),
        ),
    )
