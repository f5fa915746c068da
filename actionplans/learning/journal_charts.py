"""The chart of a boundary partner's progress: at each review, how many of its progress markers were
seen at each level (SVG through aspm.charts, with the table of its numbers)."""

from __future__ import annotations

import pygal

from aspm.charts import chart_config, render
from aspm.dates import table_date

from .journal_selectors import Progress
from .models import MarkerLevel


def progress_chart(progress: Progress) -> dict | None:
    if not progress.points:
        return None
    name = progress.partner.name
    chart = pygal.StackedBar(
        **chart_config(f"{name}: progress markers seen at each review", x_label_rotation=0, legend_columns=3)
    )
    chart.x_labels = [table_date(p.date) for p in progress.points]
    for level, label in MarkerLevel.choices:
        chart.add(label, [p.seen.get(level, 0) for p in progress.points])
    out_of = progress.out_of
    rows = [
        (table_date(p.date), *[f"{p.seen.get(level, 0)} of {out_of[level]}" for level in MarkerLevel.values])
        for p in progress.points
    ]
    return {
        "svg": render(chart),
        "title": f"Progress markers seen at each review: {name}",
        "headers": ("Review", *MarkerLevel.labels),
        "rows": rows,
    }
