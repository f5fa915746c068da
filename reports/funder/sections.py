"""The funder's report's sections: the agreement, its KPIs against their goals (the annual report's own
results section, limited to the agreement's indicators, so the same figures and the same small-count
protection), spend against the year's budget, the providers' annual reviews and where the reports stand.

The report leaves the partnership, so it is always made as a version for publication: counts of people
follow the partnership's disclosure rules and the providers' words are printed as the coordinator
reviewed them. Money is not a count of people and is printed in full.
"""

from __future__ import annotations

from django.db.models import Prefetch

from indicators.models import AgreementReview, FundingAgreement, Objective, ReviewStatus
from indicators.models.funding import REVIEW_ITEMS
from indicators.strategy import funding_selectors
from indicators.strategy.services.funding_reviews import review_due
from partnerships.access import scoped
from partnerships.models import Organisation

from ..annual import svg
from ..annual.sections.base import ReportContext, Section
from ..annual.sections.results import INDICATORS
from ..monitoring.selectors import agreement_reports
from ..monitoring.spend import agreement_spend

PRINTED = (ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED)


def agreement_of(ctx: ReportContext) -> FundingAgreement:
    """The agreement with its funder, providers (by name) and agreed outcomes: read once per report."""
    if "agreement" not in ctx.notes:
        ctx.notes["agreement"] = (
            scoped(ctx.partnership, FundingAgreement)
            .select_related("funder_organisation")
            .prefetch_related(
                Prefetch("providers", queryset=Organisation.objects.order_by("name")),
                Prefetch("objectives", queryset=Objective.objects.order_by("code")),
            )
            .get(pk=ctx.notes["agreement_id"])
        )
    return ctx.notes["agreement"]


def _cover(ctx: ReportContext) -> dict:
    agreement = agreement_of(ctx)
    return {
        "agreement": agreement,
        "providers": list(agreement.providers.all()),
        "made_on": ctx.as_of,
        "figures_status": ctx.figures_status,
    }


def _about(ctx: ReportContext) -> dict:
    agreement = agreement_of(ctx)
    return {
        "agreement": agreement,
        "purpose": ctx.publishable(f"agreement:{agreement.pk}:purpose", f"“{agreement}”: purpose", agreement.purpose),
        "providers": list(agreement.providers.all()),
        "outcomes": list(agreement.objectives.all()),
    }


def _kpis(ctx: ReportContext) -> dict:
    data = INDICATORS.gather(ctx)
    data["title"] = "Key performance indicators against their goals"
    return data


def _spend(ctx: ReportContext) -> dict:
    """The year's spend against budget from approved monitoring reports (``reports.monitoring.spend``)."""
    spend = agreement_spend(agreement_of(ctx))
    return {"year": spend.year(ctx.year.start), "rule": spend.rule, "tolerance": spend.tolerance_percent}


def _draw_spend(ctx: ReportContext, data: dict) -> dict:
    year = data["year"]
    if year is not None and year.lines:
        data["chart"] = svg.budget_and_spend(
            "spend",
            f"Budget for {year.label} and spend to date",
            [(row.label, row.year_budget, row.to_date_spent if year.reported_through else None) for row in year.lines],
        )
    return data


def _reviews(ctx: ReportContext) -> dict:
    """The providers' reviews of the year that were sent (submitted or accepted), each item as reviewed
    for publication; and every provider's review of every year begun, with its status."""
    agreement = agreement_of(ctx)
    providers = list(agreement.providers.all())
    found = list(
        scoped(ctx.partnership, AgreementReview)
        .filter(agreement=agreement, year_start=ctx.year.start, status__in=PRINTED)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    printed = []
    for review in found:
        answers = [
            (
                question,
                ctx.publishable(
                    f"agreement-review:{review.pk}:{name}",
                    f"{review.organisation}'s annual review: {question.lower()}",
                    getattr(review, name),
                ),
            )
            for name, question, _hint in REVIEW_ITEMS
        ]
        printed.append({"review": review, "answers": [(q, a) for q, a in answers if a]})
    return {
        "reviews": printed,
        "due": review_due(agreement, ctx.year.start),
        "missing": [o for o in providers if o.pk not in {r.organisation_id for r in found}],
    }


def _status(ctx: ReportContext) -> dict:
    agreement = agreement_of(ctx)
    providers = list(agreement.providers.all())
    slots = funding_selectors.review_slots(agreement, providers, ctx.as_at)
    as_at = ctx.as_at.date() if hasattr(ctx.as_at, "date") else ctx.as_at
    monitoring = [
        row for row in reversed(agreement_reports(agreement, providers, as_at)) if row.slot.year_start == ctx.year.start
    ]
    return {"slots": slots, "as_at": ctx.as_at, "providers": providers, "monitoring": monitoring}


COVER = Section(key="cover", title="Cover", template="reports/funder/cover.html", gather=_cover, in_contents=False)
ABOUT = Section(key="about", title="The agreement", template="reports/funder/about.html", gather=_about)
KPIS = Section(
    key="indicators", title=INDICATORS.title, template=INDICATORS.template, gather=_kpis, draw=INDICATORS.draw
)
SPEND = Section(
    key="spend", title="Spend against budget", template="reports/funder/spend.html", gather=_spend, draw=_draw_spend
)
REVIEWS = Section(
    key="reviews", title="The providers' annual reviews", template="reports/funder/reviews.html", gather=_reviews
)
STATUS = Section(key="status", title="Where the reports stand", template="reports/funder/status.html", gather=_status)

SECTIONS = (COVER, ABOUT, KPIS, SPEND, REVIEWS, STATUS)
# the sections that print free text, for the review of a version for publication
TEXT_SECTIONS = (ABOUT, REVIEWS)
