"""What we funded: each funding agreement running in the year, with its budget for the year, the
outcomes and indicators agreed, and what the provider's accepted annual review says.

Money is not a count of people and is printed in full. The agreement's indicators are named, not
counted again here: their figures are in the results section, where (in a version for publication)
the small-count rule and the interval audit protect them once for the whole report. The review's
words are the provider's free text, so a version for publication prints them as the coordinator
reviewed them (``ctx.publishable``); only accepted reviews are used, as only approved returns are.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch

from indicators.models import AgreementReview, BudgetLine, FundingAgreement, Indicator, Objective, ReviewStatus
from indicators.strategy.services.funding_reviews import review_due
from partnerships.access import scoped
from partnerships.models import Organisation

from .base import ReportContext, Section

REVIEW_TEXT = (("achievements", "main achievements"), ("problems", "problems, action taken and lessons"))


def _funded(ctx: ReportContext) -> dict | None:
    """Five queries: the agreements running in the year with their providers, outcomes and indicators
    (prefetched), the year's budget lines, and the accepted reviews of the year."""
    agreements = list(
        scoped(ctx.partnership, FundingAgreement)
        .filter(start_date__lte=ctx.year.end, end_date__gte=ctx.year.start)
        .select_related("funder_organisation")
        .prefetch_related(
            Prefetch("providers", queryset=Organisation.objects.order_by("name")),
            Prefetch("objectives", queryset=Objective.objects.order_by("code")),
            Prefetch("indicators", queryset=Indicator.objects.order_by("code")),
        )
        .order_by("start_date", "title")
    )
    if not agreements:
        return None
    ids = [a.pk for a in agreements]
    lines = defaultdict(list)
    for line in scoped(ctx.partnership, BudgetLine).filter(agreement_id__in=ids, year_start=ctx.year.start):
        lines[line.agreement_id].append(line)
    reviews = defaultdict(list)
    accepted = (
        scoped(ctx.partnership, AgreementReview)
        .filter(agreement_id__in=ids, year_start=ctx.year.start, status=ReviewStatus.ACCEPTED)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    for review in accepted:
        for name, label in REVIEW_TEXT:
            words = ctx.publishable(
                f"agreement-review:{review.pk}:{name}",
                f"{review.organisation}'s annual review: {label}",
                getattr(review, name),
            )
            setattr(review, name, words)  # never saved: only read here
        reviews[review.agreement_id].append(review)
    rows = []
    for agreement in agreements:
        providers = list(agreement.providers.all())
        rows.append(
            {
                "agreement": agreement,
                "purpose": ctx.publishable(
                    f"agreement:{agreement.pk}:purpose", f"“{agreement}”: purpose", agreement.purpose
                ),
                "providers": providers,
                "lines": lines[agreement.pk],
                "budget": sum((line.amount for line in lines[agreement.pk]), Decimal(0)),
                "objectives": list(agreement.objectives.all()),
                "indicators": list(agreement.indicators.all()),
                "reviews": reviews[agreement.pk],
                "missing": [o for o in providers if o.pk not in {r.organisation_id for r in reviews[agreement.pk]}],
                "review_due": review_due(agreement, ctx.year.start),
            }
        )
    return {
        "rows": rows,
        "count": len(rows),
        "budget": sum((r["budget"] for r in rows), Decimal(0)),
    }


FUNDED = Section(
    key="funded",
    title="What we funded",
    template="reports/annual/sections/funded.html",
    gather=_funded,
    help_text="Each funding agreement of the year: its budget, outcomes, indicators and the providers' reviews.",
)
