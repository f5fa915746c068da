"""Demo: Northshire's funding agreement for support before a National Referral Mechanism decision,
modelled on the pre-NRM support agreement in the seed guide (a council funds two charities; monthly
monitoring; outcomes, output goals and KPIs). Runs after the indicators are seeded: it tags them.
Its monthly monitoring reports are the reports app's (``reports.monitoring.demo``), seeded after it."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from aspm.financial_calendar import calendar_of
from partnerships.models import Membership, Organisation, Role
from reports.monitoring.demo import seed_reports

from ..models import FundingAgreement, Indicator, Objective
from . import services

TITLE = "Support before a referral decision"
PURPOSE = (
    "Northshire County Council pays two charities to support people who may be victims of modern "
    "slavery while they decide whether to enter the National Referral Mechanism: a caseworker, "
    "emergency safe beds, trained volunteers, and a virtual hub that helps first responders refer."
)
YEARLY_BUDGET = (
    ("staff", "Caseworker, 0.5 full-time equivalent", Decimal("24000")),
    ("accommodation", "Emergency safe beds", Decimal("12000")),
    ("volunteers", "Volunteers' travel and expenses", Decimal("2400")),
    ("running", "Virtual hub for first responders", Decimal("3600")),
)
OBJECTIVES = ("OBJ7", "OBJ8")
INDICATORS = ("O6-01", "O6-07", "O6-16", "O7-04", "O7-05", "O7-16")
# Safe Harbour's review of the first year, accepted; Citizens Advice has not sent theirs.
FIRST_YEAR_REVIEW = {
    "surveys": (
        "Everyone we supported was asked for feedback at the end of their support, by an interpreter where "
        "needed. Most said they felt safe and listened to; several asked for more help with housing."
    ),
    "training": "Volunteers and the caseworker completed trauma-informed practice and safeguarding refreshers.",
    "benefit": (
        "People had a safe place to stay and time to decide whether to enter the National Referral "
        "Mechanism, with independent advice on what it would mean for them."
    ),
    "new_groups": "Men referred from the agricultural sector started using the service this year.",
    "achievements": "The virtual hub opened, and first responders in the health trust now refer through it.",
    "problems": (
        "Safe beds were short over the winter. We added a second host provider and agreed a fallback with the "
        "council's housing team; the lesson is to plan for seasonal peaks."
    ),
    "plans": "Extend the hub to the fire service and add a drop-in session in the east of the county.",
}


def seed(world) -> None:
    northshire = world.partnerships["northshire"].partnership
    agreement = FundingAgreement.objects.filter(partnership=northshire, title=TITLE).first() or _agreement(northshire)
    coordinator = Membership.objects.filter(partnership=northshire, role=Role.COORDINATOR).first()
    spocs = {
        m.organisation_id: m.user
        for m in Membership.objects.filter(partnership=northshire, role=Role.SPOC).select_related("user")
    }
    with transaction.atomic():
        seed_reports(
            agreement=agreement,
            coordinator=coordinator.user if coordinator else None,
            spocs=spocs,
            today=timezone.localdate(),
        )


def _agreement(northshire) -> FundingAgreement:
    organisations = {o.name: o for o in Organisation.objects.filter(partnership=northshire)}
    cal = calendar_of(northshire)
    this_year = cal.year_start(timezone.localdate())
    start = cal.year_starting(this_year.year - 1)
    with transaction.atomic():
        agreement = services.agreement_create(
            actor=None,
            partnership=northshire,
            title=TITLE,
            funder_organisation=organisations["Northshire County Council"],
            providers=[organisations["Safe Harbour Survivor Support"], organisations["Citizens Advice Northshire"]],
            purpose=PURPOSE,
            start_date=start,
            end_date=cal.year_end(this_year),
            total_value=sum(amount for *_, amount in YEARLY_BUDGET) * 2,
            schedule="monthly",
            tolerance_percent=10,
            objectives=list(Objective.objects.filter(partnership=northshire, code__in=OBJECTIVES)),
            indicators=list(Indicator.objects.filter(partnership=northshire, code__in=INDICATORS)),
        )
        for year in (start, this_year):
            for category, description, amount in YEARLY_BUDGET:
                services.budget_line_create(
                    actor=None,
                    agreement=agreement,
                    year_start=year,
                    category=category,
                    description=description,
                    amount=amount,
                )
        coordinator = Membership.objects.filter(partnership=northshire, role=Role.COORDINATOR).first()
        spoc = Membership.objects.filter(
            partnership=northshire, organisation=organisations["Safe Harbour Survivor Support"]
        ).first()
        review = services.funding_reviews.review_save(
            actor=spoc.user if spoc else None,
            agreement=agreement,
            organisation=organisations["Safe Harbour Survivor Support"],
            year_start=start,
            submit=True,
            **FIRST_YEAR_REVIEW,
        )
        services.funding_reviews.review_accept(actor=coordinator.user if coordinator else None, review=review)
    return agreement
