"""The completeness dashboard: every organisation's returns by quarter, for readers of every return."""

from __future__ import annotations

import hashlib

import pygal
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from pygal.style import Style

from aspm.charts import STYLE, chart_config
from aspm.charts import render as render_chart

from .. import selectors


def _timeliness_chart(data: selectors.Completeness) -> str:
    """The chart's SVG, cached by its numbers: pygal takes a good part of a second for a county's
    60 organisations, and the numbers change only when a return moves."""
    numbers = [(row.organisation.name, row.on_time, row.late_submissions, row.outstanding) for row in data.rows]
    key = "returns-timeliness-" + hashlib.sha256(repr(numbers).encode()).hexdigest()
    return cache.get_or_set(key, lambda: _draw_timeliness(data), 24 * 3600)


def _draw_timeliness(data: selectors.Completeness) -> str:
    chart = pygal.HorizontalStackedBar(
        **chart_config(
            "Returns submitted on time and late, by organisation",
            height=max(240, 60 + 34 * len(data.rows)),
            legend_columns=3,
            style=Style(**{**STYLE.to_dict(), "colors": ("#1e6b33", "#e69f00", "#b3261e")}),
        )
    )
    rows = list(reversed(data.rows))  # pygal draws the first label at the bottom
    chart.x_labels = [row.organisation.name for row in rows]
    chart.add("On time", [row.on_time for row in rows])
    chart.add("Late", [row.late_submissions for row in rows])
    chart.add("Overdue now", [row.outstanding for row in rows])
    return render_chart(chart)


def _badge(cell: selectors.Cell, base: str) -> str:
    badge = format_html('<span class="rs rs-{}{}">{}</span>', cell.state, " rs-late" if cell.late else "", cell.label)
    if cell.return_id is None:
        return badge
    return format_html('<a href="{}{}/" class="text-decoration-none">{}</a>', base, cell.return_id, badge)


def _days(cell: selectors.Cell) -> str:
    if cell.days_late is None:
        return "not yet, late" if cell.late else "—"
    if cell.days_late > 0:
        return f"{cell.days_late} late"
    return "on the day" if cell.days_late == 0 else f"{-cell.days_late} early"


def _prerender(data: selectors.Completeness, base: str) -> None:
    """The grid's cells as HTML, built in Python: hundreds of cells cost far less this way than
    as template nodes (see bench/returns_bench.py)."""
    for row in data.rows:
        row.grid_html = format_html_join(
            "", '<td data-sort-value="{}">{}</td>', ((c.state, _badge(c, base)) for c in row.cells)
        )
        row.days_html = format_html_join(
            "",
            '<td data-sort-value="{}">{}</td>',
            (("" if c.days_late is None else c.days_late, _days(c)) for c in row.cells),
        )


def dashboard(request: HttpRequest) -> HttpResponse:
    """Reached through ``return_list`` (members who may read every return)."""
    today = timezone.localdate()
    data = selectors.completeness(request.partnership, today)
    # Links to each return, built once: the detail URL without its id.
    base = reverse("reports:return_detail", kwargs={"slug": request.partnership.slug, "pk": 0}).removesuffix("0/")
    _prerender(data, base)
    context = {
        "data": data,
        "today": today,
        "chart": _timeliness_chart(data) if data.rows and data.periods else "",
    }
    return render(request, "reports/returns/dashboard.html", context)
