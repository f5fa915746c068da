"""Reads with rules for measurement pages: a constant number of queries however many rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from aspm.formatting import format_combined, format_value
from partnerships.access import scoped
from partnerships.models import Partnership

from ..models import (
    Indicator,
    MeasurementSettings,
    Milestone,
    Objective,
    PeriodKind,
    ReportingPeriod,
    Strand,
)
from . import finality, progress, rollup
from .milestones import last_due_between
from .progress import Status
from .rollup import Combined
from .year_figures import YearFigures


def tolerance_of(partnership: Partnership) -> Decimal:
    row = scoped(partnership, MeasurementSettings).first()
    return row.tolerance_percent if row else Decimal(10)


@dataclass(frozen=True)
class ResultsFilter:
    strand: int | None = None
    objective: int | None = None
    organisation: int | None = None
    type: str = ""
    text: str = ""
    agreement: int | None = None  # the KPIs of one funding agreement


def indicators(partnership: Partnership, f: ResultsFilter | None = None) -> QuerySet[Indicator]:
    f = f or ResultsFilter()
    qs = scoped(partnership, Indicator).select_related("strand", "objective")
    if f.strand:
        qs = qs.filter(strand_id=f.strand)
    if f.objective:
        qs = qs.filter(objective_id=f.objective)
    if f.organisation:
        qs = qs.filter(reporting_organisations__id=f.organisation)
    if f.agreement:
        qs = qs.filter(funding_agreements__id=f.agreement)
    if f.type:
        qs = qs.filter(type=f.type)
    if f.text:
        qs = qs.filter(Q(name__icontains=f.text) | Q(code__icontains=f.text))
    return qs.order_by("code").distinct()


def indicator_list(partnership: Partnership, f: ResultsFilter | None = None) -> QuerySet[Indicator]:
    return indicators(partnership, f).annotate(n_reporters=Count("reporting_organisations", distinct=True))


def filter_choices(partnership: Partnership) -> dict:
    from partnerships.selectors import active_organisations

    return {
        "strands": list(scoped(partnership, Strand).order_by("order", "name")),
        "objectives": list(scoped(partnership, Objective).order_by("code")),
        "organisations": list(active_organisations(partnership)),
    }


def financial_years(partnership: Partnership) -> list[ReportingPeriod]:
    return list(scoped(partnership, ReportingPeriod).filter(kind=PeriodKind.YEAR).order_by("start"))


def current_year(partnership: Partnership, years: list[ReportingPeriod], chosen: str = "") -> ReportingPeriod | None:
    for year in years:
        if chosen and str(year.pk) == chosen:
            return year
    today = timezone.localdate()
    for year in years:
        if year.start <= today <= year.end:
            return year
    return years[-1] if years else None


@dataclass
class Cell:
    target: Decimal | None = None
    actual: Decimal | None = None
    status: str = Status.NO_DATA
    reporters: int = 0
    combined: Combined = rollup.NOTHING  # numerator, denominator and notes behind the actual
    not_open: bool = False  # the period has not opened (finality.State.NOT_OPEN): nothing is computed for it
    finality: str = ""  # "Final", "Provisional" or "Not open yet", where a page shows it

    @property
    def combinable(self) -> bool:
        return self.combined.combinable

    def actual_text_for(self, indicator) -> str:
        """The partnership's actual in words, in the unit its roll-up gives; "not combinable" where the
        figures could not be combined. (The results table's cells say the same in HTML: ``td``.)"""
        if self.actual is None and not self.combined.combinable:
            return "not combinable"
        return format_combined(self.actual, indicator)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def td(self, unit: str = "", decimals: int | None = None) -> str:
        """The cell of the results table (numbers and fixed words only, so safe to mark as HTML). The
        status is a coloured bar and a mark, so it does not rest on colour alone."""
        if self.not_open:
            return '<td class="cell-not-open small text-body-secondary">Not open yet</td>'
        target, actual = (
            format_value(self.target, unit, decimals=decimals),
            format_value(self.actual, unit, decimals=decimals),
        )
        mark = STATUS_MARKS.get(self.status)
        status = (
            f' <span class="cell-mark" aria-hidden="true">{mark}</span>'
            f'<span class="visually-hidden"> ({self.status_label.lower()})</span>'
            if mark
            else ""
        )
        return (
            f'<td class="cell-{self.status}"><span class="visually-hidden">Target </span>'
            f"{target} / "
            f'<span class="visually-hidden">actual </span><strong>{self._actual_html(actual)}</strong>'
            f"{status}</td>"
        )

    def _actual_html(self, text: str) -> str:
        if self.actual is None and not self.combined.combinable:
            return '<abbr title="' + self.combined.note + '">not combinable</abbr>'
        if not self.combined.weighted:
            return text + ' <abbr title="' + self.combined.note + '">(unweighted)</abbr>'
        return text

    @property
    def target_text(self) -> str:
        """Without a unit (a plain number); pages write cells with ``{{ cell.target|unit_value:indicator }}``."""
        return format_value(self.target)

    @property
    def actual_text(self) -> str:
        return format_value(self.actual)


STATUS_LABELS = {status.value: str(status.label) for status in Status}
# The same marks as the status badges (indicators.css), for the results table's cells.
STATUS_MARKS = {Status.ON_TRACK: "✓", Status.AT_RISK: "!", Status.OFF_TRACK: "✕"}


def number_text(value, unit: str = "", decimals: int | None = None) -> str:
    """``value`` written in ``unit``: the one formatting rule, ``aspm.formatting.format_value``."""
    return format_value(value, unit, decimals=decimals)


@dataclass
class Row:
    indicator: Indicator
    cells: list[Cell] = field(default_factory=list)
    ytd: Cell = field(default_factory=Cell)
    plan_target: Decimal | None = None
    milestone: Milestone | None = None  # the last milestone due in the table's year

    def cells_html(self) -> str:
        """The period cells and the year-to-date cell, built in Python: 300 rows render in a few ms."""
        unit, decimals = self.indicator.combined_unit, self.indicator.decimals
        cells = "".join(cell.td(unit, decimals) for cell in [*self.cells, self.ytd])
        return mark_safe(cells)  # noqa: S308 - numbers and fixed words only

    def milestone_html(self) -> str:
        if self.milestone is None:
            return '<td class="small text-body-secondary">—</td>'
        value = format_value(self.milestone.value, self.indicator.combined_unit, decimals=self.indicator.decimals)
        return f'<td class="small">{escape(value)} by {self.milestone.due_on:%-d %b %Y}</td>'

    def tr(self, detail_url: str) -> str:
        """The results table's whole row, built in Python like its cells (the template engine took a
        third of the large table's time on the name, link and status of 300 rows). Words that come
        from users are escaped here; ``detail_url`` is the indicator page's address."""
        indicator, ytd = self.indicator, self.ytd
        name = indicator.name if len(indicator.name) <= NAME_LENGTH else indicator.name[: NAME_LENGTH - 1] + "…"
        return (
            f'<tr><th scope="row" data-label=""><a href="{escape(detail_url)}">{escape(indicator.code)}</a> '
            f'<span class="fw-normal">{escape(name)}</span></th>'
            f'<td class="small">{escape(indicator.strand) if indicator.strand_id else "—"}</td>'
            f"{self.cells_html()}"
            f"{self.milestone_html()}"
            f'<td data-sort-value="{ytd.status}"><span class="status status-{ytd.status}">'
            f"{escape(ytd.status_label)}</span></td></tr>"
        )


NAME_LENGTH = 70  # characters of an indicator's name in the results table (the whole name is on its page)


@dataclass
class ResultsTable:
    year: ReportingPeriod | None
    periods: list[ReportingPeriod]
    rows: list[Row]
    tolerance: Decimal
    ytd_periods: list[ReportingPeriod] = field(default_factory=list)
    figures: YearFigures | None = None  # where each cell's figures come from (months, the whole year)

    def rows_html(self, detail_url) -> str:
        """Every row of the table; ``detail_url(pk)`` gives an indicator page's address."""
        return mark_safe("".join(row.tr(detail_url(row.indicator.pk)) for row in self.rows))  # noqa: S308 - escaped

    def status_counts(self) -> dict[str, int]:
        counts = {s: 0 for s in progress.STATUS_ORDER}
        for row in self.rows:
            counts[row.ytd.status] += 1
        return counts


def results_table(
    partnership: Partnership,
    f: ResultsFilter | None = None,
    *,
    year: ReportingPeriod | None = None,
    today: date | None = None,
    milestones: bool = True,
) -> ResultsTable:
    """Indicators as rows, the year's quarters as columns (target, actual, status), plus the year to date.
    Months count in their quarter and a whole-year figure stands as the year to date (see ``year_figures``).

    Six queries whatever the size: settings, indicators, the year's periods, targets, figure aggregates,
    and each row's last milestone due in the year (left out, one query fewer, when ``milestones`` is False:
    a page that does not show them)."""
    f = f or ResultsFilter()
    tolerance = tolerance_of(partnership)
    inds = list(indicators(partnership, f))
    if year is None:
        return ResultsTable(year=None, periods=[], rows=[Row(indicator=i) for i in inds], tolerance=tolerance)
    figures = YearFigures(partnership, [i.pk for i in inds], year, organisation=f.organisation)
    periods = figures.quarters
    today = today or timezone.localdate()
    started = [p for p in periods if not finality.not_open(p, today)]
    not_open = {p.pk for p in periods} - {p.pk for p in started}
    rows = []
    for indicator in inds:
        row = Row(indicator=indicator, plan_target=figures.whole_plan.get(indicator.pk))
        for period in periods:
            if period.pk in not_open:  # nothing is computed for a period that has not opened
                row.cells.append(Cell(target=figures.quarter(indicator, period).target, not_open=True))
                continue
            value = figures.quarter(indicator, period)
            row.cells.append(
                Cell(
                    target=value.target,
                    actual=value.actual,
                    reporters=value.reporters,
                    status=progress.status_of(indicator, value.actual, value.target, tolerance),
                    combined=value.combined,
                )
            )
        to_date = figures.year_to_date(
            indicator, [c for c, p in zip(row.cells, periods, strict=True) if p.pk not in not_open]
        )
        row.ytd = Cell(
            target=to_date.target,
            actual=to_date.actual,
            status=progress.status_of(indicator, to_date.actual, to_date.target, tolerance),
            combined=to_date.combined,
        )
        rows.append(row)
    due = last_due_between(partnership, [i.pk for i in inds], year.start, year.end) if milestones else {}
    for row in rows:
        row.milestone = due.get(row.indicator.pk)
    return ResultsTable(
        year=year, periods=periods, rows=rows, tolerance=tolerance, ytd_periods=started, figures=figures
    )


def status_by_strand(table: ResultsTable) -> list[tuple[str, dict[str, int]]]:
    """Year-to-date status counts per strand, in strand order ("No strand" last)."""
    groups: dict = defaultdict(lambda: {s: 0 for s in progress.STATUS_ORDER})
    order = {}
    for row in table.rows:
        strand = row.indicator.strand
        key = strand.name if strand else "No strand"
        order[key] = (strand.order, strand.name) if strand else (10_000, "")
        groups[key][row.ytd.status] += 1
    return [(key, groups[key]) for key in sorted(groups, key=lambda k: order[k])]
