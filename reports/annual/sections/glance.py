"""At a glance: the one or two pages a board member reads. The year's position of the indicators and
the action plan beside last year's, what the board must decide (red and overdue actions with their
owners, very-high risks and overdue risk reviews, disproved assumptions, agreements not in place), the
year's achievements, and what was learned and changes next year.

Nothing here is worked out afresh: it reads back what the other sections gathered (their data, kept in
``ctx.notes`` by ``render.build_sections``), gathering a section itself only when the coordinator left
it out. Last year comes from the same selectors and rules (``results_table``, ``counts_at``): nine
queries. The counts here are numbers of indicators, actions and risks, not of people, so they are
shown in full in every version.
"""

from __future__ import annotations

from actionplans.models import RagStatus
from indicators.measurement.progress import STATUS_COLOURS, STATUS_ORDER, Status
from indicators.models import AssumptionStatus, DevelopmentGoalCode, GoalStatus, RiskStatus

from .. import svg
from .base import ReportContext, Section, gathered
from .last_year import previous_year

# Development goals that are agreements: one not in place is for the board to settle.
AGREEMENTS = (
    DevelopmentGoalCode.INFORMATION_SHARING,
    DevelopmentGoalCode.TERMS_OF_REFERENCE,
    DevelopmentGoalCode.ACTION_PLAN,
    DevelopmentGoalCode.FUNDING,
)
SHOWN = 5  # red and overdue actions named on the page; the rest are counted


def _last_year(ctx: ReportContext) -> dict:
    """Last year's indicator statuses (its results table, as at its last day) and action RAG counts."""
    last = previous_year(ctx)
    statuses = None
    if last["table"] is not None:
        rows = [r for r in last["table"].rows if r.indicator.is_active]
        if rows:
            statuses = dict.fromkeys(STATUS_ORDER, 0)
            for row in rows:
                statuses[row.ytd.status] += 1
    return {"year": last["year"], "statuses": statuses, "rag": last["rag"]}


def _gather(ctx: ReportContext) -> dict:
    return {}  # drawn once every other section has gathered (see ``_draw``)


def _draw(ctx: ReportContext, data: dict) -> dict:
    indicators = gathered(ctx, "indicators", "reports.annual.sections.results.INDICATORS")
    plan = gathered(ctx, "actions", "reports.annual.sections.delivery.ACTION_PLAN")
    risks = gathered(ctx, "risks", "reports.annual.sections.governance.RISKS")
    vision = gathered(ctx, "vision", "reports.annual.sections.strategy.VISION")
    goals = gathered(ctx, "goals", "reports.annual.sections.governance.GOALS")
    last = _last_year(ctx)

    status_rows = []
    for label, code, n in indicators.get("status_counts", []):
        before = last["statuses"].get(code) if last["statuses"] and code in last["statuses"] else None
        status_rows.append({"label": label, "code": code, "n": n, "last": before})
    rag_now = plan["counts"][-1] if plan.get("count") else {}
    names = dict(RagStatus.choices)
    rag_rows = [
        {"label": names[k], "code": k, "n": rag_now.get(k, 0), "last": last["rag"].get(k) if last["rag"] else None}
        for k in RagStatus.values
    ]
    as_at = ctx.as_at
    open_risks = [r for r in risks.get("risks", []) if r.status != RiskStatus.CLOSED]
    very_high = [r for r in open_risks if r.band == "very_high"]
    reviews_overdue = [r for r in open_risks if getattr(r, "review_overdue", r.review_date and r.review_date < as_at)]
    disproved = [a for a in vision.get("assumptions", []) if a.status_at_year_end == AssumptionStatus.DISPROVED.label]
    agreement_names = {DevelopmentGoalCode(code).label for code in AGREEMENTS}
    agreements = [
        d
        for d in goals.get("development", [])
        if d["name"] in agreement_names and (d["goal"] is None or d["goal"].status != GoalStatus.DONE)
    ]
    urgent = plan.get("urgent", [])
    on_track = [
        item for _strand, items in indicators.get("groups", []) for item in items if item["status"] == Status.ON_TRACK
    ]
    data.update(
        {
            "indicator_count": indicators.get("count", 0),
            "off_track": next((r["n"] for r in status_rows if r["code"] == Status.OFF_TRACK), 0),
            "status_rows": status_rows,
            "rag_rows": rag_rows,
            "plan": plan,
            "last_year": last["year"],
            "last_plan": sum(last["rag"].values()) if last["rag"] else None,
            "has_last": bool(last["statuses"] or last["rag"]),
            "urgent": urgent[:SHOWN],
            "urgent_more": max(len(urgent) - SHOWN, 0),
            "very_high": very_high,
            "reviews_overdue": reviews_overdue,
            "disproved": disproved,
            "agreements": agreements,
            "decisions": bool(urgent or very_high or reviews_overdue or disproved or agreements),
            "on_track": on_track[:4],
            "on_track_count": len(on_track),
            "learning": (ctx.notes.get("data:learning") or {}),
        }
    )
    colours = {**STATUS_COLOURS, **svg.RAG_FILL}
    if status_rows:
        data["indicator_chart"] = svg.this_and_last(
            "glance-ind",
            "Indicators by status, this year and last",
            [(r["label"], r["n"], r["last"], colours.get(r["code"], "#6c757d")) for r in status_rows],
        )
    if plan.get("count"):
        data["action_chart"] = svg.this_and_last(
            "glance-rag",
            "Actions by RAG status, this year and last",
            [(r["label"], r["n"], r["last"], colours[r["code"]]) for r in rag_rows],
        )
    return data


GLANCE = Section(
    key="glance",
    title="At a glance",
    template="reports/annual/sections/glance.html",
    gather=_gather,
    draw=_draw,
    choosable=False,
)
