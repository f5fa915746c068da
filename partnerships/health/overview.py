"""The partnership health page's content: each process goal by quarter against its target, the
attendance of each organisation, and the charts (SVG, each with a table of the same numbers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pygal

from aspm import charts, health_goals

from ..models import Partnership
from . import selectors
from .goals import RAG_LABELS, ProcessGoal, Quarter, goal_values, quarters, rag


@dataclass
class GoalRow:
    goal: ProcessGoal
    values: list[Decimal | None]
    cells: list[str]
    latest: Decimal | None
    latest_label: str
    target: Decimal
    margin: Decimal
    status: str
    status_label: str
    trend: str  # "up", "down", "level" or ""
    chart: str

    @property
    def target_text(self) -> str:
        return self.goal.format(self.target)


def _trend(values: list[Decimal | None]) -> str:
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    if known[-1] > known[-2]:
        return "up"
    if known[-1] < known[-2]:
        return "down"
    return "level"


def _chart(goal: ProcessGoal, qs: list[Quarter], values, target: Decimal) -> str:
    low, high = goal.bounds
    chart = pygal.Line(
        **charts.chart_config(
            f"{goal.name} by quarter",
            height=300,
            range=(float(low), float(high)),
            allow_interruptions=True,
            x_labels=[q.label for q in qs],
            legend_columns=2,
            dots_size=4,
            margin_right=40,
        )
    )
    chart.add(goal.name, [float(v) if v is not None else None for v in values])
    chart.add("Target", [float(target)] * len(qs), show_dots=False, stroke_style={"dasharray": "8, 4", "width": 3})
    return charts.render(chart)


def goal_rows(partnership: Partnership, qs: list[Quarter], *, today: dt.date | None = None) -> list[GoalRow]:
    targets = selectors.goal_targets(partnership)
    rows = []
    for goal in health_goals.registered():
        computed = goal_values(goal, partnership, qs, today=today)
        values = [v for _q, v, _text in computed]
        t = targets.get(goal.code) if goal.settable else None
        target = t.target if t else goal.default_target
        margin = t.amber_margin if t else goal.default_margin
        latest, latest_label = None, ""
        for q, v in zip(qs, values, strict=True):
            if v is not None:
                latest, latest_label = v, q.label
        status = rag(latest, target, margin)
        rows.append(
            GoalRow(
                goal=goal,
                values=values,
                cells=[text for _q, _v, text in computed],
                latest=latest,
                latest_label=latest_label,
                target=target,
                margin=margin,
                status=status,
                status_label=RAG_LABELS[status],
                trend=_trend(values),
                chart=_chart(goal, qs, values, target),
            )
        )
    return rows


def health_overview(partnership: Partnership, *, today: dt.date | None = None) -> dict:
    qs = quarters(partnership, count=6, today=today)
    attendance = selectors.attendance_by_organisation(partnership, qs)
    return {
        "quarters": qs,
        "goals": goal_rows(partnership, qs, today=today),
        "attendance_rows": attendance,
        "attendance_totals": selectors.attendance_totals(attendance, len(qs)),
    }
