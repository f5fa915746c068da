"""Indicators, targets and figures on the one import pipeline (aspm.imports): fields and writers."""

from __future__ import annotations

from django.urls import reverse

from aspm.imports import values
from aspm.imports.flow import ImportKind, Outcome, PreviewRow
from aspm.imports.mapping import Field
from aspm.imports.registry import Registered
from partnerships.access import scoped

from ..models import Indicator
from ..models.figures import DIMENSIONS
from . import dimensions
from .dimensions import split_columns
from .imports import BREAKDOWN_COLUMNS, REQUIRED_COLUMNS, run_rows, template_dataset

ALIASES = {
    "indicator_code": ("indicator", "indicator code", "measure", "measure code", "code"),
    "period": ("period", "quarter", "month", "reporting period", "year"),
    "organisation": ("organisation", "agency", "provider", "organisation name", "reported by"),
    "value": ("value", "figure", "count", "number", "total", "amount", "result", "target"),
    "code": ("code", "indicator code", "ref", "reference"),
    "name": ("name", "indicator", "measure", "indicator name", "title"),
    "library_code": ("library code", "library indicator", "library"),
    "strand": ("strand", "theme", "pillar"),
    "reason": ("reason", "why", "rationale"),
    "comment": ("comment", "comments", "note", "notes"),
}
HELP = {
    "value": f"A number ({values.NUMBER_FORMS}), or yes or no for a yes/no indicator.",
    "period": "Its label in ASPM, such as 2026/27 Q1.",
    "library_code": "Links the indicator to its library entry (such as O1-01), so it can be benchmarked.",
    "strand": "Its code or its name, in any case.",
    "baseline_date": f"A date: {values.DATE_FORMS}.",
    "baseline_value": f"A number ({values.NUMBER_FORMS}), or yes or no for a yes/no indicator.",
    "range_low": f"A number: {values.NUMBER_FORMS}.",
    "range_high": f"A number: {values.NUMBER_FORMS}.",
    "numerator": f"A number: {values.NUMBER_FORMS}.",
    "denominator": f"A number: {values.NUMBER_FORMS}.",
}
READERS = {
    "figures": {"value": values.number_or_yes_no, "numerator": values.number, "denominator": values.number}
    | {column: values.number for _, _, column in BREAKDOWN_COLUMNS},
    "targets": {"value": values.number_or_yes_no},
    "indicators": {},
}
TITLES = {"indicators": "indicators", "targets": "targets", "figures": "figures"}


def _split_fields(partnership) -> list[Field]:
    """The partnership's own dimensions as figure columns: a column per group (``nationality.albanian``)
    and, for every dimension, a column naming the group a row's count is for (a cell of a split or
    cross-tab, one row per cell)."""
    registry = dimensions.dimensions_of(partnership)
    wide, long = split_columns(registry)
    made = [
        Field(
            name=dim,
            label=f"{registry[dim][0]} (the row's group)",
            aliases=(registry[dim][0].lower(),),
            help=f"For one row per group or cell: which {registry[dim][0].lower()} the row's value counts, "
            f"by name or key ({', '.join(registry[dim][1].values())}).",
            section=ROW_GROUPS,
        )
        for dim in long
    ]
    made += [
        Field(name=column, label=f"{registry[dim][0]}: {registry[dim][1][cat]}", reader=values.number, section=SPLITS)
        for dim, cat, column in wide
        if dim not in DIMENSIONS
    ]
    used = {k for d in scoped(partnership, Indicator).values_list("disaggregation", flat=True) for k in d or []}
    made += [
        Field(name=column, label=label, aliases=tuple(names), reader=values.number, section=CELLS,
              help="A cell of a cross-tab, given across the row: the row names its other group, if any.")
        for _, _, column, label, names in dimensions.cell_columns(registry, used)
    ]  # fmt: skip
    return made


ROW_GROUPS = "The row's group, for a split or cross-tab given one row per group"
SPLITS = "Splits in columns"
CELLS = "Cells of a cross-tab in columns (“Male adult”)"
ONCE = {"indicator_code", "period", "organisation"}


def fields(kind: str, partnership=None) -> list[Field]:
    headers = [h for h in template_dataset(kind).headers if h]
    if kind == "indicators" and "library_code" not in headers:
        headers.append("library_code")
    extra = _split_fields(partnership) if kind == "figures" and partnership is not None else []
    return _fields(kind, headers) + extra


def _fields(kind: str, headers: list[str]) -> list[Field]:
    return [
        Field(
            name=h,
            label=h.replace("_", " ").capitalize(),
            required=h in REQUIRED_COLUMNS[kind],
            aliases=ALIASES.get(h, ()),
            help=HELP.get(h, ""),
            reader=READERS[kind].get(h),
            once=h in ONCE,
            section=SPLITS if "." in h else "",
        )
        for h in headers
    ]


def _label(kind: str, data: dict, groups=()) -> str:
    """What the row is, in the check: a figure's row also names its group ("Labour exploitation"), if any."""
    keys = {"figures": ("indicator_code", "period", "organisation", *groups), "targets": ("indicator_code", "period")}
    return " · ".join(values.text(data.get(k)) for k in keys.get(kind, ("code", "name")) if values.text(data.get(k)))


def _runner(kind: str):
    def run(*, actor, partnership, rows, dry_run) -> Outcome:
        numbered = [(i, row.data) for i, row in enumerate(rows)]
        result = run_rows(actor=actor, partnership=partnership, kind=kind, rows=numbered, dry_run=dry_run)
        groups = split_columns(dimensions.dimensions_of(partnership))[1] if kind == "figures" else ()
        return Outcome(
            rows=[
                PreviewRow(
                    where=rows[r.number].where, label=_label(kind, r.values, groups), verb="Import", errors=r.errors
                )
                for r in result.rows
            ],
            file_errors=result.file_errors,
            written=bool(result.ok and not dry_run),
        )

    return run


def _context(kind: str):
    def context(partnership) -> dict:
        slug = {"slug": partnership.slug}
        template, export = (reverse(f"indicators:{n}_{kind}", kwargs=slug) for n in ("template", "export"))
        return {
            "links": [
                ("Template (.xlsx)", template + "?format=xlsx"),
                ("Template (.csv)", template + "?format=csv"),
                ("Current data (.xlsx)", export + "?format=xlsx"),
            ],
            "intro": "Indicators and periods are named by their code and label, organisations by their name. "
            "Split columns such as sex.female or nationality.albanian are optional; when used, each split must add "
            "up to the value. For a cross-tab, give one row per cell with a column per dimension naming its "
            "group (nationality, sex) and the cell's count as the value: the cells must add up to the total "
            "row, if there is one, and to each dimension's split."
            if kind == "figures"
            else "",
        }

    return context


def import_kind(kind: str, partnership=None) -> ImportKind:
    """``partnership`` adds its own dimensions' columns to the figures import."""
    return ImportKind(
        key=kind,
        noun=TITLES[kind],
        fields=fields(kind, partnership),
        run=_runner(kind),
        done_url=lambda partnership: reverse(f"indicators:import_{kind}", kwargs={"slug": partnership.slug}),
        extra_context=_context(kind),
    )


def _registered(kind: str) -> Registered:
    return Registered(kind, f"indicators:import_{kind}", lambda partnership: import_kind(kind, partnership))


INDICATORS, TARGETS, FIGURES = (_registered(kind) for kind in ("indicators", "targets", "figures"))
