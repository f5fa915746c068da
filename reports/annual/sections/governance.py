"""Qualitative outcomes, the risk register with its heat map, and the development and process goals.

None of these are counts of people: the heat map counts risks, the goals are steps and percentages.
Outcome entries and case studies are written to be anonymous; only case studies with confirmed
consent are included.
"""

from __future__ import annotations

from aspm import health_goals
from indicators.models import CaseStudy, DevelopmentGoalCode, GoalStatus, OutcomeHarvest, RiskStatus
from indicators.strategy import selectors as strategy
from partnerships.access import scoped
from partnerships.health import selectors as health
from partnerships.health.goals import RAG_LABELS, goal_values, quarters, rag

from .. import svg
from .base import ReportContext, Section


def _outcomes(ctx: ReportContext) -> dict:
    """Two queries: the year's outcome-harvesting entries and the consented case studies of the year."""
    harvests = list(
        scoped(ctx.partnership, OutcomeHarvest)
        .filter(when__gte=ctx.year.start, when__lte=ctx.year.end)
        .select_related("objective")
        .order_by("when", "id")
    )
    studies = list(
        scoped(ctx.partnership, CaseStudy)
        .filter(consent_confirmed=True, created_at__date__gte=ctx.year.start, created_at__date__lte=ctx.year.end)
        .select_related("objective")
        .order_by("created_at", "id")
    )
    if ctx.for_publication:  # the words as reviewed (never saved: these rows are only read here)
        for h in harvests:
            for name, label in HARVEST_TEXT:
                value = ctx.publishable(f"outcome:{h.pk}:{name}", f"Outcome “{h.title}”: {label}", getattr(h, name))
                setattr(h, name, value)
        for c in studies:
            for name, label in STUDY_TEXT:
                value = ctx.publishable(
                    f"case-study:{c.pk}:{name}", f"Case study “{c.title}”: {label}", getattr(c, name)
                )
                setattr(c, name, value)
    return {"harvests": harvests, "studies": studies, "count": len(harvests) + len(studies)}


HARVEST_TEXT = (
    ("title", "title"),
    ("what_changed", "what changed"),
    ("for_whom", "for whom"),
    ("contribution", "how the partnership contributed"),
    ("evidence", "evidence"),
)
STUDY_TEXT = (("title", "title"), ("summary", "summary"), ("what_helped", "what made the difference"))


OUTCOMES = Section(
    key="outcomes",
    title="Qualitative outcomes",
    template="reports/annual/sections/outcomes.html",
    gather=_outcomes,
    help_text="Outcome-harvesting entries seen during the year and case studies told with consent.",
)


def _risks(ctx: ReportContext) -> dict:
    """One query (with the objectives prefetched): strategy's register; the heat map from its ``heat_map``."""
    register = sorted(strategy.risks(ctx.partnership), key=lambda r: (r.status == RiskStatus.CLOSED, -r.score, r.title))
    for risk in register:  # a review date passed on a risk still open is flagged
        risk.review_overdue = bool(
            risk.review_date and risk.review_date < ctx.as_at and risk.status != RiskStatus.CLOSED
        )
    return {
        "risks": register,
        "grid": strategy.heat_map(register),
        "open": sum(1 for r in register if r.status != RiskStatus.CLOSED),
        "reviews_overdue": sum(1 for r in register if r.review_overdue),
        "count": len(register),
    }


def _draw_heat_map(ctx: ReportContext, data: dict) -> dict:
    data["chart"] = svg.heat_map("heat", data["grid"]) if data["count"] else ""
    return data


RISKS = Section(
    key="risks",
    title="Risk register and heat map",
    template="reports/annual/sections/risks.html",
    gather=_risks,
    draw=_draw_heat_map,
    help_text="Every risk with its likelihood, impact, owner and mitigation, and the 5×5 heat map of open risks.",
)


def _goals(ctx: ReportContext) -> dict:
    """Development goals (one query) and each registered process goal by quarter of the year, from its
    own calculator (health's registry) against the partnership's target (one query)."""
    recorded = {g.code: g for g in strategy.development_goals(ctx.partnership)}
    development = [
        {
            "name": label,
            "goal": recorded.get(code),
            "status": recorded[code].get_status_display() if code in recorded else GoalStatus.NOT_STARTED.label,
        }
        for code, label in DevelopmentGoalCode.choices
    ]
    qs = quarters(ctx.partnership, count=4, today=ctx.year.end)
    targets = health.goal_targets(ctx.partnership)
    process = []
    for goal in health_goals.registered():
        computed = goal_values(goal, ctx.partnership, qs, today=ctx.as_of.date())
        values = [v for _q, v, _text in computed]
        t = targets.get(goal.code)
        target = t.target if t else goal.default_target
        margin = t.amber_margin if t else goal.default_margin
        latest = next((v for v in reversed(values) if v is not None), None)
        status = rag(latest, target, margin)
        process.append(
            {
                "goal": goal,
                "cells": [text for _q, _v, text in computed],
                "target": goal.format(target),
                "status": status,
                "status_label": RAG_LABELS[status],
            }
        )
    done = sum(1 for d in development if d["goal"] and d["goal"].status == GoalStatus.DONE)
    return {"development": development, "done": done, "quarters": qs, "process": process}


GOALS = Section(
    key="goals",
    title="Development and process goals",
    template="reports/annual/sections/goals.html",
    gather=_goals,
    help_text="The eight development goals of a partnership, and the process goals (attendance, survey) by quarter.",
)
