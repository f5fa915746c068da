"""Why the partnership exists and how it thinks change happens: vision, mission, theory of change,
and how each assumption of that theory fared during the year (its reviews in the year)."""

from __future__ import annotations

from django.db.models import Prefetch

from indicators.models import Assumption, AssumptionReview, AssumptionStatus
from indicators.strategy import selectors as strategy
from partnerships.access import scoped

from .base import ReportContext, Section


def _vision(ctx: ReportContext) -> dict:
    """Two queries: the plan statement, and the assumptions with their reviews in the year."""
    statement = strategy.plan_statement(ctx.partnership)
    reviews = AssumptionReview.objects.filter(reviewed_on__gte=ctx.year.start, reviewed_on__lte=ctx.year.end).order_by(
        "reviewed_on", "id"
    )
    assumptions = list(
        scoped(ctx.partnership, Assumption)
        .select_related("indicator")
        .prefetch_related(Prefetch("reviews", queryset=reviews, to_attr="year_reviews"))
        .order_by("order", "id")
    )
    labels = dict(AssumptionStatus.choices)
    for assumption in assumptions:
        first = assumption.year_reviews[0] if assumption.year_reviews else None
        last = assumption.year_reviews[-1] if assumption.year_reviews else None
        assumption.status_at_year_end = labels[last.status] if last else assumption.get_status_display()
        if first is None:
            assumption.fared = "Not reviewed during the year."
        elif len(assumption.year_reviews) == 1:
            assumption.fared = f"Reviewed once: {labels[first.status].lower()}."
        elif first.status == last.status:
            assumption.fared = (
                f"Reviewed {len(assumption.year_reviews)} times; {labels[last.status].lower()} throughout."
            )
        else:
            assumption.fared = f"Moved from {labels[first.status].lower()} to {labels[last.status].lower()}."
    tally = {label: 0 for label in labels.values()}
    for assumption in assumptions:
        tally[assumption.status_at_year_end] += 1
    has_any = statement and (statement.vision or statement.mission or statement.theory_of_change)
    return {
        "statement": statement if has_any else None,
        "assumptions": assumptions,
        "tally": [(label, n) for label, n in tally.items() if n],
    }


VISION = Section(
    key="vision",
    title="Vision, mission and theory of change",
    template="reports/annual/sections/vision.html",
    gather=_vision,
    help_text="The partnership's vision, mission and theory of change, and how its assumptions fared in the year.",
)
