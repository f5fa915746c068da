"""The survey's trend over rounds as an SVG chart (mean score per theme)."""

from __future__ import annotations

import pygal

from aspm import charts

from .selectors import RoundResults


def survey_trend_chart(trend: list[RoundResults]) -> str:
    chart = pygal.Line(
        **charts.chart_config(
            "Mean score by theme, over survey rounds",
            height=320,
            range=(1, 5),
            allow_interruptions=True,
            x_labels=[f"Closed {r.round.closed_on:%b %Y}" for r in trend],
            margin_right=40,
            legend_columns=4,
            dots_size=4,
        )
    )
    labels = [label for label, _ in trend[0].themes]
    for i, label in enumerate(labels):
        chart.add(label, [float(r.themes[i][1]) if r.themes[i][1] is not None else None for r in trend])
    return charts.render(chart)
