"""What we were asked to change and what we did: the recommendations register in the annual report.

Recommendations received in the year, and older ones still open during it, with the partnership's
response and what came of it. The numbers here are numbers of recommendations, not of people; the
free text (the recommendation, the reasons) goes through the review of words for publication.
"""

from __future__ import annotations

from actionplans.learning import selectors
from actionplans.learning.models import RecStatus, Response

from .base import ReportContext, Section

TEXT = (("text", "recommendation"), ("response_reasons", "reasons for the response"))


def _recommendations(ctx: ReportContext) -> dict:
    """Three queries: the year's recommendations with their owners, and their actions."""
    recs = list(selectors.of_year(ctx.partnership, ctx.year.start, ctx.year.end))
    if ctx.for_publication:  # the words as reviewed (never saved: these rows are only read here)
        for r in recs:
            for name, label in TEXT:
                value = ctx.publishable(
                    f"recommendation:{r.pk}:{name}", f"Recommendation {r.reference}: {label}", getattr(r, name)
                )
                setattr(r, name, value)
    answered = [r for r in recs if r.response != Response.PENDING]
    return {
        "recommendations": recs,
        "count": len(recs),
        "answered": len(answered),
        "accepted": sum(1 for r in answered if r.response in (Response.ACCEPT, Response.PARTLY)),
        "done": sum(1 for r in recs if r.status == RecStatus.DONE),
    }


RECOMMENDATIONS = Section(
    key="recommendations",
    title="What we were asked to change and what we did",
    template="reports/annual/sections/recommendations.html",
    gather=_recommendations,
    help_text="Recommendations from evaluations, inspections and reviews, our response to each and what came of it.",
)
