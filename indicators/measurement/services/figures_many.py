"""Figures in bulk (imports, seeding, a return's figures checked at once): every row is checked with
the rules of ``figures.figure_record`` first, nothing is written unless all are valid, and each figure
added or changed is audited. Written in chunks inside one transaction, so 100,000 rows stay in memory
bounds."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from partnerships import audit
from partnerships.access import check_same_partnership

from ...models import Indicator, PeriodKind, ReportingPeriod
from ...models.figures import Figure, FigureSource
from ..dimensions import builtin_only, dimensions_of
from ..validation_rules import Fact, check_figures
from .figures import FigureInput, _check, _quarter_levels, _user, must_hold_messages


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
