"""The measurement charts (SVG via aspm.charts), each returned with the rows of its data table."""

from __future__ import annotations

import pygal
from django.utils import timezone
from pygal.style import Style

from aspm.charts import PALETTE, STYLE, chart_config, render
from aspm.financial_calendar import calendar_of, year_label
from aspm.formatting import format_combined

from . import rollup
from .progress import STATUS_COLOURS, STATUS_ORDER, Status


def _num(value):
    return None if value is None else float(value)


KIND_WORDS = {"quarter": "quarter", "month": "month", "year": "year"}
MAX_LABELS = 8  # x-axis labels written out; the rest are ticks (every period is in the table below)


def actual_vs_target(page) -> dict | None:
    """Line chart of the partnership's actual and target for one indicator, by the kind of period it
    is measured by (``IndicatorPage.main_kind``): never months and quarters on one line."""
    rows = page.main_rows
    if not rows or page.indicator.unit == "text":
        return None
    by = KIND_WORDS.get(page.main_kind, "period")
    every = -(-len(rows) // MAX_LABELS)  # ceiling: at most MAX_LABELS labels written out
    chart = pygal.Line(
        **chart_config(
            f"{page.indicator.code}: actual and target by {by}",
            x_label_rotation=0,
            dots_size=4,
            allow_interruptions=True,
            legend_columns=2,
            include_x_axis=True,  # from zero: a dip of one in thirteen must not look like a fall off a cliff
            margin_right=36,  # room for the last period's label
            value_formatter=lambda v: format_combined(v, page.indicator),  # "71.7%", "£1,200", "Yes"
            x_labels_major_every=every,
            show_minor_x_labels=every == 1,
        )
    )
    chart.x_labels = [p.label for p, _ in rows]
    chart.add("Actual", [_num(c.actual) for _, c in rows])
    chart.add("Target", [_num(c.target) for _, c in rows], stroke_style={"dasharray": "8, 4", "width": 3})
    table = [
        (p.label, format_combined(c.target, page.indicator), format_combined(c.actual, page.indicator), c.status_label)
        for p, c in rows
    ]
    return {
        "svg": render(chart),
        "title": f"Actual and target by {by}",
        "headers": (by.capitalize(), "Target", "Actual", "Status"),
        "rows": table,
    }


def breakdown(page) -> list[dict]:
    """One horizontal bar chart per disaggregation dimension (all periods added together)."""
    charts = []
    for dimension, parts in page.breakdown.items():
        chart = pygal.HorizontalBar(
            **chart_config(f"{page.indicator.code} by {dimension.lower()}", height=260, show_legend=False)
        )
        chart.x_labels = [label for label, _ in parts]
        chart.add("People", [n for _, n in parts])
        charts.append(
            {"svg": render(chart), "title": f"By {dimension.lower()}", "headers": (dimension, "Number"), "rows": parts}
        )
    return charts


def status_by_strand(groups: list[tuple[str, dict[str, int]]]) -> dict | None:
    """Stacked bars: how many indicators of each strand are on track, at risk, off track, no data."""
    if not groups:
        return None
    style = Style(**{**STYLE.to_dict(), "colors": tuple(STATUS_COLOURS[s] for s in STATUS_ORDER)})
    chart = pygal.StackedBar(**chart_config("Indicator status by strand (year to date)", style=style))
    chart.x_labels = [name for name, _ in groups]
    for status in STATUS_ORDER:
        chart.add(Status(status).label, [counts[status] for _, counts in groups])
    rows = [(name, *[counts[s] for s in STATUS_ORDER]) for name, counts in groups]
    return {
        "svg": render(chart),
        "title": "Status by strand",
        "headers": ("Strand", *[Status(s).label for s in STATUS_ORDER]),
        "rows": rows,
    }


__all__ = ["PALETTE", "actual_vs_target", "breakdown", "status_by_strand"]


def yearly_actuals(page) -> list[tuple]:
    """Each financial year's actual as ``(year end, label, value)``: the year's own figure, else its
    quarters combined over time by the indicator's rule (a flow added up, a stock's latest quarter); a
    year still running is labelled "so far"."""
    cal = calendar_of(page.indicator.partnership)
    years: dict = {}
    for period, cell in page.rows:
        if period.kind == "month" or cell.not_open:
            continue
        entry = years.setdefault(cal.year_start(period.start), {"year": None, "quarters": []})
        if period.kind == "year":
            entry["year"] = cell.combined if cell.actual is not None else None
        else:
            entry["quarters"].append((period, cell.combined))
    today = timezone.localdate()
    found = []
    for start, entry in sorted(years.items()):
        end = cal.year_end(start)
        combined = entry["year"] or rollup.over_time(page.indicator.rule, [c for _, c in entry["quarters"]])
        if combined.value is None:
            continue
        running = end >= today and entry["year"] is None
        found.append((end, f"Actual {year_label(start)}{' so far' if running else ''}", combined.value))
    return found


def milestone_path(page) -> dict | None:
    """The way from the baseline through each milestone to the end of the strategy period, with the
    financial years' actuals beside it, on a time axis (milestones fall on any date)."""
    indicator = page.indicator
    if not page.milestones or indicator.unit == "text":
        return None
    planned = [(m.due_on, "Milestone", m.value) for m in page.milestones]
    if indicator.baseline_value is not None and indicator.baseline_date:
        planned.insert(0, (indicator.baseline_date, "Baseline", indicator.baseline_value))
    actual = yearly_actuals(page)
    chart = pygal.DateLine(
        **chart_config(
            f"{indicator.code}: baseline, milestones and each year's actual",
            x_label_rotation=0,
            dots_size=4,
            include_x_axis=True,
            legend_columns=2,
            margin_right=36,
            value_formatter=lambda v: format_combined(v, indicator),
            x_value_formatter=lambda d: d.strftime("%b %Y"),
        )
    )
    chart.add(
        "Baseline and milestones", [(d, _num(v)) for d, _, v in planned], stroke_style={"dasharray": "8, 4", "width": 3}
    )
    if actual:
        chart.add("Actual (financial year)", [(d, _num(v)) for d, _, v in actual])
    rows = [
        (f"{d:%-d %B %Y}", what, format_combined(v, indicator))
        for d, what, v in sorted([*planned, *actual], key=lambda r: r[0])
    ]
    return {
        "svg": render(chart),
        "title": "Baseline, milestones and each year's actual",
        "headers": ("Date", "What", "Value"),
        "rows": rows,
    }
