"""The indicator page: every period's target and actual by the indicator's rule, the figures behind
them, their splits and cross-tabs, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from aspm.disclosure.suppression import suppress_crosstab
from aspm.formatting import format_value
from partnerships.access import scoped

from ..models import (
    Figure,
    Indicator,
    Milestone,
    PeriodKind,
    ReportingPeriod,
    Rollup,
    Target,
    TargetRevision,
)
from . import dimensions, finality, progress, rollup
from .milestones import milestones_of
from .progress import Status
from .rollup import Combined
from .selectors import Cell, tolerance_of
from .year_figures import quarter_of_organisations

FREQUENCY_KIND = {"monthly": PeriodKind.MONTH, "quarterly": PeriodKind.QUARTER, "annual": PeriodKind.YEAR}


@dataclass
class IndicatorPage:
    indicator: Indicator
    periods: list[ReportingPeriod]
    cells: list[Cell]
    figures: list[Figure]
    targets: list[Target]
    breakdown: dict[str, list[tuple[str, int]]]
    tolerance: Decimal
    finality: finality.Finality | None = None
    crosstabs: list[dict] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    hidden: int = 0  # periods with a target or figure that the page does not list (outside the years shown)
    disagreements: list[str] = field(default_factory=list)  # an organisation's quarter and its months differ

    @property
    def rows(self) -> list[tuple[ReportingPeriod, Cell]]:
        return list(zip(self.periods, self.cells, strict=True))

    @property
    def main_kind(self) -> str:
        """The kind of period the indicator is measured by (its frequency's), where the page lists
        some; else the kind it lists most. A quarterly indicator's months are shown under their
        quarter, and its chart draws the quarters only (a line through months and quarters mixed
        would mean nothing)."""
        kinds = [p.kind for p in self.periods]
        wanted = FREQUENCY_KIND.get(self.indicator.frequency)
        if wanted in kinds:
            return wanted
        return max(set(kinds), key=kinds.count) if kinds else ""

    @property
    def main_rows(self) -> list[tuple[ReportingPeriod, Cell]]:
        return [(p, c) for p, c in self.rows if p.kind == self.main_kind]

    @property
    def figures_status(self) -> str:
        """ "Provisional figures, as at 3 December 2026" unless every period shown that has opened is final."""
        return self.finality.summary(self.periods) if self.finality else ""


def _parts_text(dim: str, parts: dict, registry) -> str:
    if dimensions.is_crosstab(dim):
        return "; ".join(
            f"{dimensions.cell_label(tuple(c.split(dimensions.SEP)), dim, registry).lower()} {n}"
            for c, n in parts.items()
        )
    return ", ".join(f"{registry[dim][1].get(c, c).lower()} {n}" for c, n in parts.items())


def crosstab_table(key: str, cells: dict[str, int], registry, *, policy=None) -> dict:
    """A cross-tab's cells as a table for a page or a report: rows by every dimension but the last,
    columns by the last, with totals; protected under ``policy`` (None: an internal page, exact)."""
    dims = dimensions.parts_of(key)
    by_cell = {tuple(c.split(dimensions.SEP)): int(n) for c, n in cells.items()}
    # the groups some cell names, in the dimension's own order (a group nobody was in is left out)
    categories = [[c for c in registry[d][1] if any(cell[i] == c for cell in by_cell)] for i, d in enumerate(dims)]
    table = suppress_crosstab(by_cell, categories, policy=policy)
    names = [registry[d][1] for d in dims]
    return {
        "key": key,
        "anchor": "crosstab-" + key.replace(dimensions.SEP, "-"),
        "title": dimensions.label_of(key, registry),
        "row_heading": " and ".join(registry[d][0] for d in dims[:-1]),
        "columns": [names[-1][c] for c in categories[-1]],
        "rows": [
            (", ".join(names[i][c] for i, c in enumerate(prefix)), row, total) for prefix, row, total in table.rows
        ],
        "column_totals": table.column_totals,
        "total": table.total,
        "any_suppressed": table.any_suppressed,
    }


def _months_of_quarters(periods: list[ReportingPeriod]) -> dict[int, list[ReportingPeriod]]:
    months = [p for p in periods if p.kind == PeriodKind.MONTH]
    quarters = [p for p in periods if p.kind == PeriodKind.QUARTER]
    return {q.pk: [m for m in months if q.start <= m.start and m.end <= q.end] for q in quarters}


def _by_organisation_of(figures: list[Figure]) -> dict[int, dict]:
    found: dict[int, list[Figure]] = defaultdict(list)
    for figure in figures:
        found[figure.organisation_id].append(figure)
    return {org: rollup.aggregate_figures(given) for org, given in found.items()}


def _disagreements(indicator, listed, months_of, by_period) -> list[str]:
    """Where an organisation gave both a quarter and its months and, for a flow, they do not add up:
    said on the page, since only the quarter's own figure counts (``year_figures``)."""
    if indicator.rule != Rollup.FLOW:
        return []
    found = []
    for period, _cell in listed:
        own = {f.organisation_id: f for f in by_period.get(period.pk, []) if f.value is not None}
        for organisation_id, figure in own.items():
            given = [
                f.value
                for month in months_of.get(period.pk, [])
                for f in by_period.get(month.pk, [])
                if f.organisation_id == organisation_id and f.value is not None
            ]
            if given and sum(given) != figure.value:
                found.append(
                    f"{figure.organisation.name} gave {format_value(figure.value, indicator.unit)} for {period.label} "
                    f"and {format_value(sum(given), indicator.unit)} over its months: the quarter's own figure counts."
                )
    return found


def _quarter_cell(rule, quarter, months, by_period, target_by_period) -> tuple[Combined, Decimal | None]:
    """A quarter's actual and target on the indicator page as on the results table (``year_figures``):
    each organisation's quarter figure or else its months', and where the quarter has no target of
    its own, its months' targets (of the months reported, when only some are)."""
    months_by_org = [_by_organisation_of(by_period.get(m.pk, [])) for m in months]
    combined = quarter_of_organisations(rule, _by_organisation_of(by_period.get(quarter.pk, [])), months_by_org)
    target = target_by_period.get(quarter.pk)
    if target is None:
        # reported: a month with a figure (an empty entry is not one), as the results table counts it
        reported = [m for m, given in zip(months, months_by_org, strict=True) if any(a["n"] for a in given.values())]
        counted = reported if reported and len(reported) < len(months) else months
        target = rollup.targets_over_time(rule, [target_by_period.get(m.pk) for m in counted])
    return combined, target


def indicator_page(indicator: Indicator, *, today: date | None = None, shows=None) -> IndicatorPage:
    """Everything the indicator page shows, in a fixed number of queries. ``shows(day)`` says whether a
    period starting on ``day`` is listed (the strategy period by default, see ``YearWindow``)."""
    partnership = indicator.partnership
    tolerance = tolerance_of(partnership)
    # Every kind of period: an annual indicator may still be reported quarterly. Only periods with a
    # target or a figure are shown (below).
    periods = list(scoped(partnership, ReportingPeriod).order_by("start", "-end"))
    figures = list(
        scoped(partnership, Figure)
        .filter(indicator=indicator)
        .select_related("period", "organisation", "entered_by")
        .prefetch_related("evidence", "corrections__corrected_by")
        .order_by("period__start", "organisation__name")
    )
    revisions = TargetRevision.objects.select_related("changed_by").order_by("created_at", "id")
    targets = list(
        scoped(partnership, Target)
        .filter(indicator=indicator)
        .select_related("period")
        .prefetch_related(Prefetch("revisions", queryset=revisions))
        .order_by("period__start")
    )
    target_by_period = {t.period_id: t.value for t in targets}
    by_period: dict[int, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_period[figure.period_id].append(figure)
    cells = []
    months_of = _months_of_quarters(periods)
    for period in periods:
        combined = rollup.across_organisations(indicator.rule, rollup.aggregate_figures(by_period.get(period.pk, [])))
        target = target_by_period.get(period.pk)
        if months_of.get(period.pk):  # a quarter with months: by the results table's rule
            combined, target = _quarter_cell(indicator.rule, period, months_of[period.pk], by_period, target_by_period)
        cells.append(
            Cell(
                target=target,
                actual=combined.value,
                reporters=combined.reporters,
                status=progress.status_of(indicator, combined.value, target, tolerance),
                combined=combined,
            )
        )
    # Final, provisional or not open yet, as at today: every quarter is among ``periods`` (one query, for
    # the returns, once a quarter is locked). Nothing is computed for a period that has not opened.
    today = today or timezone.localdate()
    states = finality.period_finality(partnership, periods, as_at=today, quarters_included=True)
    for period, cell in zip(periods, cells, strict=True):
        cell.not_open = not states.is_open(period)
        if cell.not_open:
            cell.actual, cell.reporters, cell.status = None, 0, Status.NO_DATA
        cell.finality = states.label(period)
    # Only periods that have something to show, so the chart is not a long empty line.
    shown = [
        (p, c)
        for p, c in zip(periods, cells, strict=True)
        if c.actual is not None or c.target is not None or c.reporters
    ]
    listed = [(p, c) for p, c in shown if shows is None or shows(p.start)]
    figures = [f for f in figures if shows is None or shows(f.period.start)]
    registry = dimensions.dimensions_for(indicator)
    breakdown: dict[str, dict[str, int]] = {}
    for figure in figures:
        figure.split = [
            (dimensions.label_of(dim, registry), _parts_text(dim, parts, registry))
            for dim, parts in (figure.breakdown or {}).items()
            if all(p in registry for p in dimensions.parts_of(dim))
        ]
        for dim, parts in (figure.breakdown or {}).items():
            for category, n in parts.items():
                breakdown.setdefault(dim, defaultdict(int))[category] += n
    labelled = {
        registry[dim][0]: [(registry[dim][1].get(c, c), n) for c, n in parts.items()]
        for dim, parts in breakdown.items()
        if dim in registry
    }
    crosstabs = [
        crosstab_table(dim, parts, registry)
        for dim, parts in breakdown.items()
        if dimensions.is_crosstab(dim) and all(p in registry for p in dimensions.parts_of(dim))
    ]
    return IndicatorPage(
        indicator=indicator,
        periods=[p for p, _ in listed],
        cells=[c for _, c in listed],
        figures=figures,
        targets=targets,
        breakdown=labelled,
        crosstabs=crosstabs,
        tolerance=tolerance,
        finality=states,
        milestones=milestones_of(indicator),
        hidden=len(shown) - len(listed),
        disagreements=_disagreements(indicator, listed, months_of, by_period),
    )
