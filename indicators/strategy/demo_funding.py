"""Demo: Northshire's funding agreement for support before a National Referral Mechanism decision,
modelled on the pre-NRM support agreement in the seed guide (a council funds two charities; monthly
monitoring; outcomes, output goals and KPIs). Runs after the indicators are seeded: it tags them."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from aspm.financial_calendar import calendar_of
from partnerships.models import Organisation

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


def seed(world) -> None:
    northshire = world.partnerships["northshire"].partnership
    if FundingAgreement.objects.filter(partnership=northshire, title=TITLE).exists():
        return
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
