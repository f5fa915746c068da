"""Figures: the one path by which a number gets into the partnership's results.

``figure_record`` is used by the page, the spreadsheet import, the demo seeder and the quarterly
returns (when a return is approved). ``figure_validate`` gives the same errors without writing.
``figures_record_many`` is the bulk path (imports, seeding): every row is checked with the same
rules first, nothing is written unless all are valid, and one audit event records the batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from aspm.errors import ConflictError
from aspm.uploads import validate_upload
from partnerships import audit
from partnerships.access import check_same_partnership, scoped

from ...models import Indicator, PeriodKind, PeriodStatus, ReportingPeriod, Rollup, Unit
from ...models.figures import Figure, FigureCorrection, FigureEvidence, FigureSource
from ..dimensions import builtin_only, dimensions_for, dimensions_of
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


def _batch_quarter_levels(rows) -> set[tuple[int, int, int]]:
    """Like ``_quarter_levels``, for quarters given in the same batch: a file holding a stock
    indicator's level for a quarter and for one of its months is refused at the check, not half-way
    through recording it."""
    quarters: dict[tuple[int, int], list] = {}
    for r in rows:
        if r.period.kind == PeriodKind.QUARTER:
            quarters.setdefault((r.indicator.pk, r.organisation.pk), []).append(r.period)
    found = set()
    for r in rows:
        if r.period.kind != PeriodKind.MONTH:
            continue
        for q in quarters.get((r.indicator.pk, r.organisation.pk), ()):
            if q.start <= r.period.start and r.period.end <= q.end:
                found.add((r.indicator.pk, r.organisation.pk, r.period.pk))
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


def figures_validate_many(rows: list[FigureInput], *, rules: bool = True) -> list[FigureInput]:
    """Check every row with the rules of ``figure_record``; returns the rows that have errors.

    With ``rules`` (the default) the valid rows are also judged, together and with the figures
    already recorded, by the partnership's "must hold" validation rules: a breach is an error on
    every row whose indicator the rule names for that organisation and period. (A return's draft
    passes ``rules=False``: its breaches are shown beside the figures and stop only its submission.)

    Reads each indicator's reporters once, so thousands of rows cost a handful of queries."""
    indicator_ids = {r.indicator.pk for r in rows}
    through = Indicator.reporting_organisations.through.objects.filter(indicator_id__in=indicator_ids)
    reporters: dict[int, set[int]] = {}
    for indicator_id, organisation_id in through.values_list("indicator_id", "organisation_id"):
        reporters.setdefault(indicator_id, set()).add(organisation_id)
    levels = _quarter_levels(indicator_ids, list({r.period.pk: r.period for r in rows}.values()))
    levels |= _batch_quarter_levels(rows)
    registries: dict[int, dict] = {}  # the partnership's dimensions, read once for the rows that use its own
    seen, bad = set(), []
    for row in rows:
        registry = None
        if row.breakdown and not builtin_only(row.indicator.disaggregation):
            partnership_id = row.indicator.partnership_id
            registry = registries.get(partnership_id) or registries.setdefault(
                partnership_id, dimensions_of(partnership_id)
            )
        errors, numbers, clean = _check(
            indicator=row.indicator,
            period=row.period,
            organisation=row.organisation,
            value=row.value,
            breakdown=row.breakdown,
            text_value=row.text_value,
            reporter_ids=reporters.get(row.indicator.pk, set()),
            numerator=row.numerator,
            denominator=row.denominator,
            quarter_levels=levels,
            dimensions=registry,
        )
        key = (row.indicator.pk, row.period.pk, row.organisation.pk)
        if key in seen:
            errors.setdefault("__all__", []).append("The same indicator, period and organisation appear twice.")
        seen.add(key)
        row.errors = errors
        if not errors:
            row.value, row.numerator, row.denominator, row.breakdown = (
                numbers.value,
                numbers.numerator,
                numbers.denominator,
                clean,
            )
        if errors:
            bad.append(row)
    if rules:
        _judge_rules(rows, bad)
    return bad


def must_hold_messages(breaches) -> list[str]:
    return [
        f"{b.sentence} This rule must hold: correct the figures, or ask the coordinator."
        for b in breaches
        if b.must_hold
    ]


def _judge_rules(rows: list[FigureInput], bad: list[FigureInput]) -> None:
    """Add each "must hold" rule's breach to the valid rows it concerns (and to ``bad``)."""
    good = [r for r in rows if not r.errors]
    if not good:
        return
    staged = [Fact(r.indicator.pk, r.period.pk, r.organisation.pk, r.value, r.breakdown or {}) for r in good]
    breaches = [b for b in check_figures(good[0].indicator.partnership, staged) if b.must_hold]
    for breach in breaches:
        message = must_hold_messages([breach])[0]
        for row in good:
            if (row.period.pk, row.organisation.pk) == (breach.period_id, breach.organisation_id) and breach.involves(
                row.indicator.pk
            ):
                if not row.errors:
                    bad.append(row)
                row.errors.setdefault("value", []).append(message)


def figures_record_many(*, actor, partnership, rows: list[FigureInput], source: str = FigureSource.IMPORT) -> dict:
    """Record many figures at once: all valid or nothing written (ValidationError listing bad rows).

    Writes with bulk inserts/updates in one transaction (:data:`WRITE_CHUNK` rows at a time, so memory
    does not grow with the import), which keeps a 100,000-row import within a minute; each
    figure keeps ``source`` and ``entered_by``. The audit log has an event for each figure added or
    changed (its values before and after, inserted in bulk) and one for the batch (counts and the ids
    touched); a row equal to the figure recorded is not an event. Returns ``{"created": n, "updated": n}``.
    """
    check_same_partnership(partnership, {r.indicator for r in rows} | {r.period for r in rows})
    with transaction.atomic():
        period_ids = {r.period.pk for r in rows}
        locked = {p.pk: p for p in ReportingPeriod.objects.select_for_update().filter(pk__in=period_ids)}
        for row in rows:
            row.period = locked[row.period.pk]
        bad = figures_validate_many(rows)
        if bad:
            raise ValidationError(
                [f"Row {r.row or '?'}: {m}" for r in bad for messages in r.errors.values() for m in messages]
            )
        user = _user(actor)
        created = updated = 0
        for start in range(0, len(rows), WRITE_CHUNK):
            chunk = rows[start : start + WRITE_CHUNK]
            new, changed = _write_chunk(actor, partnership, chunk, source=source, user=user)
            created, updated = created + new, updated + changed
        audit.record(
            actor=actor,
            partnership=partnership,
            action="figure.bulk_record",
            object_type="indicators.figure",
            object_repr=f"{created} figures added, {updated} replaced ({source})",
            changes={
                "created": created,
                "updated": updated,
                "periods": sorted(period_ids),
                "indicators": sorted({r.indicator.pk for r in rows}),
            },
        )
    return {"created": created, "updated": updated}


# Rows written (figures inserted or updated, their audit events) at a time, inside the one transaction:
# a 100,000-row import then holds 2,000 rows' model objects and events, not 100,000 of each.
WRITE_CHUNK = 2000


def _write_chunk(actor, partnership, rows: list[FigureInput], *, source: str, user) -> tuple[int, int]:
    """Insert or replace the figures of ``rows`` (already validated) with their audit events; (added, replaced)."""
    existing = {
        (f.indicator_id, f.period_id, f.organisation_id): f
        for f in Figure.objects.filter(
            partnership=partnership,
            period_id__in={r.period.pk for r in rows},
            indicator_id__in={r.indicator.pk for r in rows},
            organisation_id__in={r.organisation.pk for r in rows},
        )
    }
    new, changed, events = [], [], []
    for row in rows:
        values = {
            "value": row.value,
            "numerator": row.numerator,
            "denominator": row.denominator,
            "breakdown": row.breakdown,
            "comment": row.comment.strip(),
            "text_value": row.text_value.strip(),
            "source": source,
            "entered_by": user,
        }
        figure = existing.get((row.indicator.pk, row.period.pk, row.organisation.pk))
        if figure is None:
            new.append(
                Figure(
                    partnership=partnership,
                    indicator=row.indicator,
                    period=row.period,
                    organisation=row.organisation,
                    **values,
                )
            )
        else:
            before = {name: getattr(figure, name) for name in AUDITED_FIELDS}
            for name, v in values.items():
                setattr(figure, name, v)
            changes = _changes(before, figure)
            if changes:
                events.append(_figure_event("figure.update", figure, row, changes))
            changed.append(figure)
    Figure.objects.bulk_create(new, batch_size=1000)
    _update_rows(changed)
    events += [
        _figure_event("figure.create", figure, figure, _changes(dict.fromkeys(AUDITED_FIELDS), figure))
        for figure in new
    ]
    audit.record_many(actor=actor, partnership=partnership, events=events)
    return len(new), len(changed)


AUDITED_FIELDS = ("value", "numerator", "denominator", "breakdown", "comment", "text_value", "source")


def _changes(before: dict, figure: Figure) -> dict:
    """``{field: [before, after]}`` for the audited fields whose value changed (compared as values:
    4.00 is 4), empty ones left out."""
    after = audit.snapshot(figure, AUDITED_FIELDS)
    empty = (None, "", {})
    return {
        name: [audit.snapshot_value(old), after[name]]
        for name, old in before.items()
        if old != getattr(figure, name) and not (old in empty and getattr(figure, name) in empty)
    }


def _figure_event(action: str, figure: Figure, row, changes: dict) -> dict:
    """One figure's audit event, named from the row's indicator, period and organisation (in memory:
    no query per figure)."""
    shown = figure.text_value[:40] if figure.value is None else figure.value
    return {
        "action": action,
        "object_type": "indicators.figure",
        "object_id": str(figure.pk),
        "object_repr": f"{row.indicator.code} {row.period} {row.organisation}: {shown}",
        "changes": changes,
    }


UPDATED_FIELDS = (
    "value",
    "numerator",
    "denominator",
    "breakdown",
    "comment",
    "text_value",
    "source",
    "entered_by",
    "updated_at",
)


def _update_rows(figures: list[Figure]) -> None:
    """Replace the values of existing figures with one prepared UPDATE run for many rows.

    (Django's ``bulk_update`` builds a CASE expression per field and row, which is far slower at
    thousands of rows.) The rows were validated by the caller, inside its transaction."""
    if not figures:
        return
    fields = [Figure._meta.get_field(name) for name in UPDATED_FIELDS]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = f"UPDATE {quote(Figure._meta.db_table)} SET {assignments} WHERE {quote('id')} = %s"  # noqa: S608 - names from the model's metadata; values are parameters
    now = timezone.now()
    params = []
    for figure in figures:
        figure.updated_at = now
        params.append([f.get_db_prep_save(getattr(figure, f.attname), connection) for f in fields] + [figure.pk])
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


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
