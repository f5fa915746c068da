"""How we rate ourselves: the year's self-assessment round(s) in the annual report.

Each round opened in the year (open or closed; never one still being prepared): how many partner
organisations rated it, the median level of each statement with the change from the previous round,
and the gaps with the actions raised on them. The numbers are levels and numbers of organisations, not
of people; the partnership's own statements (its words, not the template's) go through the review of
words for publication.
"""

from __future__ import annotations

from actionplans.learning import self_assessment_selectors as selectors
from actionplans.learning.models import AssessmentRound, RoundStatus
from partnerships.access import scoped

from .base import ReportContext, Section


def _statement(ctx: ReportContext, row) -> str:
    s = row.statement
    if s.code:  # the template's words
        return s.text
    return ctx.publishable(f"assessmentstatement:{s.pk}:text", f"Self-assessment, {s.round}: own statement", s.text)


def _round(ctx: ReportContext, round: AssessmentRound) -> dict:
    results = selectors.results(round)
    goals = []
    for goal in results.goals:
        rows = [
            {
                "code": row.statement.code,
                "text": _statement(ctx, row),
                "median": row.median,
                "level": selectors.SCALE_NAMES.get(row.median, "") if row.median is not None else "",
                "before": row.before,
                "change": row.change,
                "rated": len(row.levels),
                "gap": row.is_gap,
            }
            for row in goal.rows
        ]
        goals.append({"name": goal.name, "rows": rows})
    gaps = [
        {
            "text": _statement(ctx, row),
            "reasons": row.gap_reasons,
            "actions": [(a.title, a.get_status_display().lower()) for a in row.statement.actions.all()],
        }
        for row in results.gaps
    ]
    changes = [row.change for row in results.rows if row.change is not None]
    return {
        "title": round.title,
        "opens_on": round.opens_on,
        "closes_on": round.closes_on,
        "closed": round.status == RoundStatus.CLOSED,
        "organisations": len(results.organisations),
        "previous": results.previous.title if results.previous else "",
        "up": sum(1 for c in changes if c > 0),
        "down": sum(1 for c in changes if c < 0),
        "same": sum(1 for c in changes if c == 0),
        "goals": goals,
        "gaps": gaps,
    }


def _self_assessment(ctx: ReportContext) -> dict:
    """Each round opened in the year, oldest first (a few queries per round; a partnership has one or two)."""
    rounds = (
        scoped(ctx.partnership, AssessmentRound)
        .filter(opens_on__gte=ctx.year.start, opens_on__lte=ctx.year.end)
        .exclude(status=RoundStatus.DRAFT)
        .order_by("opens_on", "id")
    )
    return {"rounds": [_round(ctx, r) for r in rounds]}


SELF_ASSESSMENT = Section(
    key="self_assessment",
    title="How we rate ourselves",
    template="reports/annual/sections/self_assessment.html",
    gather=_self_assessment,
    help_text="The year's self-assessment: each statement's median level, the change from the round before, "
    "and the gaps with the actions raised on them.",
)
