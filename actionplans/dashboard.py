"""The RAG summary panel of the partnership home page (listed in aspm/dashboard.py)."""

from __future__ import annotations

import pygal
from django.db.models import Count, Q

from aspm import data_version, dates
from aspm.charts import chart_config, rag_style, render
from partnerships.access import scoped

from . import clock, selectors
from .models import Action, ActionStatusChange, ChangeKind, RagStatus

STATUSES = ("red", "amber", "green", "complete")


def _by_strand(partnership) -> list[dict]:
    rows = (
        scoped(partnership, Action)
        .values("strand__name", "strand__order")
        .annotate(
            total=Count("id"),
            overdue=Count("id", filter=Q(due_date__lt=clock.today()) & ~Q(status=RagStatus.COMPLETE)),
            **{s: Count("id", filter=Q(status=s)) for s in STATUSES},
        )
        .order_by("strand__order", "strand__name")
    )
    return [{**r, "name": r["strand__name"] or "No strand"} for r in rows]


def _over_time(partnership, now_counts: dict) -> tuple[list[dict], str]:
    today = clock.today()
    days = selectors.quarter_ends(partnership, today)
    # Past quarter ends are read back from the history; today is the stored status of each action.
    counts = [*selectors.counts_at(partnership, days[:-1]), {s: now_counts[s] for s in STATUSES}]
    series = [{"day": d, "is_today": d == today, **c} for d, c in zip(days, counts, strict=True)]
    chart = pygal.StackedBar(**chart_config("Actions by RAG status at each quarter end", style=rag_style(), height=320))
    chart.x_labels = ["Today" if s["is_today"] else dates.table_date(s["day"]) for s in series]
    for status in STATUSES:
        chart.add(RagStatus(status).label, [s[status] for s in series])
    return series, render(chart)


def rag_panel(request) -> dict | None:
    # The same for every member: kept until the partnership's data changes (or the day does).
    partnership = request.partnership
    return data_version.cached(partnership, "home-rag-panel", lambda: _rag_panel(partnership), parts=[clock.today()])


def _rag_panel(partnership) -> dict:
    counts = selectors.status_counts(scoped(partnership, Action))
    if not counts["total"]:
        return {"template": "actionplans/panel.html", "context": {"counts": counts}}
    today = clock.today()
    overdue = list(selectors.plan(partnership, selectors.PlanFilter(status="overdue", group="none", sort="due"))[:8])
    recent = list(
        scoped(partnership, ActionStatusChange)
        .filter(kind=ChangeKind.STATUS)
        .select_related("action", "changed_by")
        .order_by("-changed_at", "-id")[:8]
    )
    series, chart = _over_time(partnership, counts)
    return {
        "template": "actionplans/panel.html",
        "context": {
            "counts": counts,
            "by_strand": _by_strand(partnership),
            "overdue": overdue,
            "recent": recent,
            "series": series,
            "chart": chart,
            "today": today,
        },
    }
