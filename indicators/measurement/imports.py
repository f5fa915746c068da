"""Spreadsheets in: indicators, targets and figures from .xlsx or .csv.

Exports and download templates are in ``exports.py``. Imports read the same column names, check
**every** row through the services' own rules (a dry run first, listing each bad row with its
reason) and write only when all rows are valid, in one transaction, through the services
(``figures_record_many``, ``indicator_create``/``indicator_update``, ``target_set``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm.imports import values as typed_values
from aspm.spreadsheets import read_table
from partnerships.access import scoped
from partnerships.models import Organisation

from .. import library_data
from ..models import Indicator, Objective, ReportingPeriod, Strand
from ..models.figures import FigureSource
from . import dimensions, services
from .exports import BREAKDOWN_COLUMNS, WHOLE_PLAN, export_dataset, render, template_dataset  # noqa: F401
from .services.figures import FigureInput

# ----------------------------------------------------------------------------------- imports

LIBRARY_CODES = {i["code"] for i in library_data.LIBRARY_INDICATORS}


@dataclass(slots=True)
class RowResult:
    number: int
    values: dict
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    kind: str
    rows: list[RowResult]
    file_errors: list[str] = field(default_factory=list)
    written: dict = field(default_factory=dict)

    @property
    def bad_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.errors]

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.bad_rows and bool(self.rows)


REQUIRED_COLUMNS = {
    "indicators": {"code", "name", "type", "unit", "direction", "frequency"},
    "targets": {"indicator_code", "period", "value"},
    "figures": {"indicator_code", "period", "organisation", "value"},
}


def read_rows(content: bytes, kind: str) -> list[dict]:
    """The sheet's rows as dicts keyed by lower-case header; blank rows skipped."""
    table = read_table(content, "xlsx" if content[:4] == b"PK\x03\x04" else "csv")
    headers, data = table.headers, [values for _, values in table.rows]
    keys = [str(h or "").strip().lstrip("'").lower() for h in headers]
    missing = REQUIRED_COLUMNS[kind] - set(keys)
    if missing:
        raise ValidationError(f"The sheet lacks these columns: {', '.join(sorted(missing))}. Use the template.")
    result = []
    for values in data:
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        result.append({k: ("" if v is None else v) for k, v in zip(keys, values, strict=False) if k})
    return result


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class _Lookups:
    def __init__(self, partnership):
        self.indicators = {i.code.upper(): i for i in scoped(partnership, Indicator)}
        self.periods = {p.label.lower(): p for p in scoped(partnership, ReportingPeriod)}
        self.organisations = {o.name.lower(): o for o in scoped(partnership, Organisation)}
        strands = list(scoped(partnership, Strand))  # by code or name, in any case
        self.strands = {**{s.name.lower(): s for s in strands}, **{s.code.lower(): s for s in strands}}
        self.objectives = {o.code.upper(): o for o in scoped(partnership, Objective)}

    def indicator(self, row: dict, errors: list[str]):
        code = _text(row.get("indicator_code", ""))
        found = self.indicators.get(code.upper())
        if found is None:
            errors.append(f"Unknown indicator code “{code}”." if code else "The indicator code is missing.")
        return found

    def period(self, row: dict, errors: list[str], allow_whole_plan=False):
        label = _text(row.get("period", ""))
        if allow_whole_plan and label.lower() in (WHOLE_PLAN, ""):
            return None
        found = self.periods.get(label.lower())
        if found is None:
            errors.append(
                f"Unknown period “{label}”: use a label such as 2026/27 Q1, and add its financial year first "
                "if it is not on the periods page yet (any year from 2010/11 on)."
            )
        return found


def _category(registry, dim: str, raw: str) -> str | None:
    """A group of ``dim`` named by its key, its label or a word tables use for it, in any case."""
    return dimensions.category_of(registry, dim, raw)


def _key_for(indicator, dims) -> str | None:
    """The indicator's split made of exactly ``dims``, in its own order (``nationality*sex``)."""
    return next((k for k in indicator.disaggregation or [] if sorted(dimensions.parts_of(k)) == sorted(dims)), None)


def _named(indicator, registry, row: dict, dims: list[str], errors: list[str]) -> dict[str, str] | None:
    """The groups a long-form row names, one per dimension column: {"nationality": "albanian"}."""
    named = {}
    for dim in dims:
        category = _category(registry, dim, _text(row.get(dim, "")))
        if category is None:
            groups = ", ".join(registry[dim][1].values())
            errors.append(f"{registry[dim][0]}: “{_text(row.get(dim, ''))}” is not one of {groups}.")
            return None
        named[dim] = category
    return named


def _place(indicator, registry, named: dict[str, str], errors: list[str]) -> tuple[str, str] | None:
    """The split and cell a count for the groups ``named`` belongs to: (``nationality*sex``, ``albanian*female``)."""
    key = _key_for(indicator, named)
    if key is None:
        names = " × ".join(registry[d][0] for d in named)
        errors.append(f"{indicator.code} is not split by {names.lower()}.")
        return None
    return key, dimensions.cell_key(named[p] for p in dimensions.parts_of(key))


def _cell(indicator, registry, row: dict, dims: list[str], errors: list[str]) -> tuple[str, str] | None:
    named = _named(indicator, registry, row, dims, errors)
    return None if named is None else _place(indicator, registry, named, errors)


def _row_parts(row: dict, split_at: dict[str, tuple[tuple, tuple]]) -> list[tuple[tuple, tuple, str]]:
    """The counts a row gives in split columns: ((dims), (groups), count), one group (``sex.female``) or two
    (``sex*age_group.male*adult``, from a table's "Male adult" column). ``split_at``: column → (dims, groups)."""
    found = []
    for column, raw in row.items():
        if column in split_at and (count := _text(raw)):
            found.append((*split_at[column], count))
    return found


def _row_cells(indicator, registry, row, named, parts, errors) -> dict[str, dict[str, str]]:
    """A row that names its groups (``Type``: Labour) and gives counts in split columns ("Male adult"): each
    column is a cell of the split made of both, and the row's value is the groups' own count, which the
    cells of each split must add up to."""
    found: dict[str, dict[str, str]] = {}
    sums: dict[tuple, int] = {}
    for dims, cats, raw in parts:
        place = _place(indicator, registry, {**named, **dict(zip(dims, cats, strict=True))}, errors)
        if place is None:
            return {}
        found.setdefault(place[0], {})[place[1]] = raw
        sums[dims] = sums.get(dims, 0) + _whole(raw)
    value = _text(row.get("value", ""))
    if value:
        for dims, total in sums.items():
            if total != _whole(value):
                names = " × ".join(registry[d][0] for d in dims).lower()
                errors.append(f"The cells by {names} add up to {total}, but the row's value is {value}.")
        if not errors and (key := _key_for(indicator, named)):
            found.setdefault(key, {})[dimensions.cell_key(named[p] for p in dimensions.parts_of(key))] = value
    return found


def _figures(partnership, rows: list[tuple[int, dict]]) -> tuple[list[RowResult], list[FigureInput]]:
    """Rows of figures: a figure with its splits in columns (``sex.female``), or, where the file gives
    the group in a column per dimension, one row per cell of a split or cross-tab. Rows for the same
    indicator, period and organisation are one figure: a row with no group is its total (else the
    total is the cells added up), and the cells must add up as any split must. A row may also name its
    group and give the cells beside it in columns (a type of exploitation per row, "Male adult",
    "Female minor"... across): its value is then the group's count, which its cells must add up to."""
    lookups, results = _Lookups(partnership), []
    registry = dimensions.dimensions_of(partnership)
    wide, long = dimensions.split_columns(registry)
    used = {k for i in lookups.indicators.values() for k in i.disaggregation or []}
    split_at = {column: ((dim,), (cat,)) for dim, cat, column in wide}
    split_at |= {column: (dims, cats) for dims, cats, column, _, _ in dimensions.cell_columns(registry, used)}
    groups: dict[tuple, FigureInput] = {}
    cells: dict[tuple, dict[str, dict[str, str]]] = {}
    for number, row in rows:
        errors: list[str] = []
        indicator = lookups.indicator(row, errors)
        period = lookups.period(row, errors)
        name = _text(row.get("organisation", ""))
        organisation = lookups.organisations.get(name.lower())
        if organisation is None:
            errors.append(f"Unknown organisation “{name}”.")
        parts = _row_parts(row, split_at)
        in_row = [d for d in long if _text(row.get(d, ""))]
        place, row_cells, breakdown = None, {}, {}
        if indicator and in_row and parts:
            named = _named(indicator, registry, row, in_row, errors)
            row_cells = _row_cells(indicator, registry, row, named, parts, errors) if named else {}
        elif indicator and in_row:
            place = _cell(indicator, registry, row, in_row, errors)
        elif indicator:
            for dims, cats, raw in parts:
                groups_named = dict(zip(dims, cats, strict=True))
                found = (dims[0], cats[0]) if len(dims) == 1 else _place(indicator, registry, groups_named, errors)
                if found:
                    breakdown.setdefault(found[0], {})[found[1]] = raw
        result = RowResult(number=number, values=row, errors=errors)
        results.append(result)
        if errors:
            continue
        key = (indicator.pk, period.pk, organisation.pk)
        if place or row_cells:
            if place:
                split, cell = place
                cells.setdefault(key, {}).setdefault(split, {})[cell] = _text(row.get("value", ""))
            for split, found in row_cells.items():
                cells.setdefault(key, {}).setdefault(split, {}).update(found)
            if key not in groups:
                groups[key] = FigureInput(
                    indicator=indicator, period=period, organisation=organisation, value=None, breakdown={}, row=number
                )
                groups[key].from_cells = True
            continue
        figure = FigureInput(
            indicator=indicator,
            period=period,
            organisation=organisation,
            value=_text(row.get("value", "")),
            numerator=_text(row.get("numerator", "")),
            denominator=_text(row.get("denominator", "")),
            breakdown=breakdown,
            comment=_text(row.get("comment", "")),
            text_value=_text(row.get("text_value", "")),
            row=number,
        )
        if key in groups and groups[key].from_cells:
            figure.row = groups[key].row
            groups[key] = figure  # the total row of cells given before it
        elif key in groups:
            groups[(*key, number)] = figure  # twice: the service says so
        else:
            groups[key] = figure
    for key, by_split in cells.items():
        figure = groups[key]
        figure.breakdown = {**(figure.breakdown or {}), **by_split}
        if figure.from_cells:  # no total row: the cells are the total
            widest = max(by_split, key=lambda k: len(dimensions.parts_of(k)))
            figure.value = str(sum(_whole(v) for v in by_split[widest].values()))
    inputs = list(groups.values())
    by_number = {r.number: r for r in results}
    for bad in services.figures_validate_many(inputs):
        by_number[bad.row].errors.extend(m for messages in bad.errors.values() for m in messages)
    return results, inputs


def _whole(raw) -> int:
    try:
        return int(Decimal(str(raw).replace(",", "")))
    except (ArithmeticError, ValueError):
        return 0  # the cell's own check names it


def _decimal(raw, label: str, errors: list[str], *, yes_no: bool = False):
    """A number as people write it (3250, £3,250.00, 80%), or yes/no where the indicator is yes/no."""
    try:
        text = (typed_values.number_or_yes_no if yes_no else typed_values.number)(raw)
    except ValueError as error:
        errors.append(f"{label}: {error}")
        return None
    return Decimal(text) if text else None


def _date(raw, label: str, errors: list[str]):
    try:
        return typed_values.date(raw)
    except ValueError as error:
        errors.append(f"{label}: {error}")
        return None


def _indicator_values(lookups: _Lookups, row: dict, errors: list[str]) -> tuple[dict, list]:
    from ..models import Direction, Frequency, IndicatorType, Rollup, Unit

    values = {
        k: _text(row.get(k, ""))
        for k in ("code", "name", "definition", "means_of_verification", "collection_method", "pathway_stage")
    }
    for key, choices in (("type", IndicatorType), ("unit", Unit), ("direction", Direction), ("frequency", Frequency)):
        raw = _text(row.get(key, "")).lower()
        if raw not in choices.values:
            errors.append(f"{key}: “{raw}” is not one of {', '.join(choices.values)}.")
        values[key] = raw
    if not values["code"] or not values["name"]:
        errors.append("Every indicator needs a code and a name.")
    values["range_low"] = _decimal(row.get("range_low"), "range_low", errors)
    values["range_high"] = _decimal(row.get("range_high"), "range_high", errors)
    values["baseline_value"] = _decimal(
        row.get("baseline_value"), "baseline_value", errors, yes_no=values["unit"] == Unit.YES_NO
    )
    values["baseline_date"] = _date(row.get("baseline_date"), "baseline_date", errors)
    span = _text(row.get("baseline_span", "")).lower()
    if span and span not in ("month", "quarter", "year"):
        errors.append(f"baseline_span: “{span}” is not one of month, quarter, year.")
    values["baseline_span"] = span
    rule = _text(row.get("rollup", "")).lower()
    if rule and rule not in Rollup.values:
        errors.append(f"rollup: “{rule}” is not one of {', '.join(Rollup.values)}.")
    if rule:
        values["rollup"] = rule  # left out, a new indicator takes its unit's rule and an existing one keeps its own
    decimals = _text(row.get("decimals", ""))
    values["decimals"] = int(decimals) if decimals.isdigit() else None
    if decimals and not decimals.isdigit():
        errors.append(f"decimals: “{decimals}” is not a whole number of decimal places.")
    strand_code = _text(row.get("strand", ""))
    values["strand"] = lookups.strands.get(strand_code.lower())
    if strand_code and values["strand"] is None:
        known = ", ".join(sorted(s.code for s in set(lookups.strands.values())))
        errors.append(f"Unknown strand “{strand_code}” (this partnership's strands: {known or 'none yet'}).")
    objective_code = _text(row.get("objective", ""))
    values["objective"] = lookups.objectives.get(objective_code.upper())
    if objective_code and values["objective"] is None:
        errors.append(f"Unknown objective “{objective_code}”.")
    library = _text(row.get("library_code", "")).upper()
    if library and library not in LIBRARY_CODES:
        errors.append(f"library_code: “{library}” is not an indicator of the library (such as O1-01).")
    if library:
        values["library_code"] = library
    values["disaggregation"] = [d.strip() for d in _text(row.get("disaggregation", "")).split(",") if d.strip()]
    organisations = []
    for name in [n.strip() for n in _text(row.get("reporting_organisations", "")).split(";") if n.strip()]:
        organisation = lookups.organisations.get(name.lower())
        if organisation is None:
            errors.append(f"Unknown organisation “{name}”.")
        organisations.append(organisation)
    return values, organisations


def _write_indicators(*, actor, partnership, rows, dry_run) -> list[RowResult]:
    lookups, results = _Lookups(partnership), []
    codes = set()
    with transaction.atomic():
        for number, row in rows:
            errors: list[str] = []
            values, organisations = _indicator_values(lookups, row, errors)
            if values["code"].upper() in codes:
                errors.append(f"The code {values['code']} appears twice in the file.")
            codes.add(values["code"].upper())
            if not errors:
                try:
                    with transaction.atomic():
                        existing = lookups.indicators.get(values["code"].upper())
                        if existing:
                            if existing.library_code and values.get("library_code") == existing.library_code:
                                values.pop("library_code")
                            services.indicator_update(
                                actor=actor, indicator=existing, reporting_organisations=organisations, **values
                            )
                        else:
                            services.indicator_create(
                                actor=actor, partnership=partnership, reporting_organisations=organisations, **values
                            )
                except ValidationError as error:
                    errors.extend(_messages(error))
            results.append(RowResult(number=number, values=row, errors=errors))
        if dry_run or any(r.errors for r in results):
            transaction.set_rollback(True)
    return results


def _write_targets(*, actor, partnership, rows, dry_run) -> list[RowResult]:
    lookups, results = _Lookups(partnership), []
    with transaction.atomic():
        for number, row in rows:
            errors: list[str] = []
            indicator = lookups.indicator(row, errors)
            period = lookups.period(row, errors, allow_whole_plan=True)
            if not errors:
                try:
                    with transaction.atomic():
                        services.target_set(
                            actor=actor,
                            indicator=indicator,
                            period=period,
                            value=_text(row.get("value", "")),
                            reason=_text(row.get("reason", "")),
                        )
                except ValidationError as error:
                    errors.extend(_messages(error))
            results.append(RowResult(number=number, values=row, errors=errors))
        if dry_run or any(r.errors for r in results):
            transaction.set_rollback(True)
    return results


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [m for messages in error.message_dict.values() for m in messages]
    return list(error.messages)


def run_import(*, actor, partnership, kind: str, content: bytes, dry_run: bool) -> ImportResult:
    """Check (``dry_run``) or import a sheet in the template's columns; nothing is written unless all rows are valid."""
    try:
        rows = read_rows(content, kind)
    except ValidationError as error:
        return ImportResult(kind=kind, rows=[], file_errors=list(error.messages))
    except Exception:  # noqa: BLE001 - a damaged workbook: say so plainly
        return ImportResult(kind=kind, rows=[], file_errors=["The file could not be read as a spreadsheet."])
    return run_rows(
        actor=actor, partnership=partnership, kind=kind, rows=list(enumerate(rows, start=2)), dry_run=dry_run
    )


def run_rows(*, actor, partnership, kind: str, rows: list[tuple[int, dict]], dry_run: bool) -> ImportResult:
    """Check or import rows already read (``(number, {column: value})``), all or none, through the services."""
    if not rows:
        return ImportResult(kind=kind, rows=[], file_errors=["The sheet has no rows under its headers."])
    if kind == "figures":
        results, inputs = _figures(partnership, rows)
        result = ImportResult(kind=kind, rows=results)
        if result.ok and not dry_run:
            result.written = services.figures_record_many(
                actor=actor, partnership=partnership, rows=inputs, source=FigureSource.IMPORT
            )
        return result
    writer = _write_indicators if kind == "indicators" else _write_targets
    result = ImportResult(kind=kind, rows=writer(actor=actor, partnership=partnership, rows=rows, dry_run=dry_run))
    if result.ok and not dry_run:
        result.written = {"rows": len(result.rows)}
    return result
