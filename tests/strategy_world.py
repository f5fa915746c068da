"""Plan objects for the cast's partnerships, made through the strategy services (for tests and the registry)."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.models import DevelopmentGoal, Indicator, Strand, Target
from indicators.strategy import services

from .cast import Side

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "agreement.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def strand(side: Side, code: str = "pursue") -> Strand:
    return Strand.objects.get(partnership=side.partnership, code=code)


def objective(side: Side, code: str = "", **extra):
    """An objective that passes every automatic SMART check but "measurable" (it has no indicator yet)."""
    values = {
        "code": code,
        "title": "Disrupt exploiters through joint operations",
        "strand": strand(side),
        "owner_organisation": side.police,
        "start_date": dt.date(2026, 4, 1),
        "end_date": dt.date(2027, 3, 31),
        "vision_link": "Puts exploiters out of business.",
    } | extra
    return services.objective_create(actor=side.coordinator, partnership=side.partnership, **values)


def chain(side: Side, obj=None):
    """A full five-level chain, each entry linked to the one above; returns entries by level."""
    obj = obj or objective(side)
    entries, above = {}, None
    for level, text in (
        (5, "Fewer people exploited"),
        (4, "More offenders convicted"),
        (3, "Premises visited"),
        (2, "Days of action"),
        (1, "Officer time"),
    ):
        above = services.chain_entry_create(
            actor=side.coordinator, objective=obj, level=level, description=text, leads_to=above
        )
        entries[level] = above
    return entries


def entry(side: Side):
    return chain(side)[2]


def assumption(side: Side):
    return services.assumption_create(
        actor=side.coordinator, partnership=side.partnership, statement="Training leads to more referrals."
    )


def subgroup(side: Side, name: str = ""):
    from partnerships.models import SubGroup

    return services.subgroup_create(
        actor=side.coordinator,
        partnership=side.partnership,
        name=name or f"Pursue and Prevent {SubGroup.objects.count() + 1}",
        chair=side.memberships["spoc_police"],
        members=[side.memberships["coordinator"]],
        strands=[strand(side)],
    )


def risk(side: Side, **extra):
    values = {"title": "Funding ends", "likelihood": 3, "impact": 5, "owner_organisation": side.council} | extra
    return services.risk_create(actor=side.coordinator, partnership=side.partnership, **values)


def goal(side: Side, code: str = "terms_of_reference", with_file: bool = False) -> DevelopmentGoal:
    found = DevelopmentGoal.objects.get(partnership=side.partnership, code=code)
    if with_file:
        found = services.development_goal_update(
            actor=side.coordinator,
            goal=found,
            status="done",
            achieved_on=dt.date(2026, 5, 1),
            evidence_file=SimpleUploadedFile("terms.pdf", PDF, content_type="application/pdf"),
        )
    return found


def measured(side: Side, obj, *, baseline="12", target="20") -> Indicator:
    """An indicator of ``obj`` with a baseline and a whole-plan target (the measurement branch's models)."""
    indicator = Indicator.objects.create(
        partnership=side.partnership,
        code=f"IND-{obj.pk}",
        name="Joint operations run",
        objective=obj,
        baseline_value=baseline,
        baseline_date=dt.date(2026, 3, 31),
        means_of_verification="Police operations log",
        type="output",
    )
    if target is not None:
        Target.objects.create(partnership=side.partnership, indicator=indicator, value=target)
    return indicator


def agreement(side: Side, title: str = "", **extra):
    """A two-year funding agreement: the council funds the charity, with a year's staff line."""
    from indicators.models import FundingAgreement

    values = {
        "title": title or f"Support before a referral decision {FundingAgreement.objects.count() + 1}",
        "funder_organisation": side.council,
        "providers": [side.charity],
        "purpose": "A caseworker and safe beds for people deciding whether to enter the NRM.",
        "start_date": dt.date(2025, 4, 1),
        "end_date": dt.date(2027, 3, 31),
        "total_value": "84000",
    } | extra
    found = services.agreement_create(actor=side.coordinator, partnership=side.partnership, **values)
    services.budget_line_create(
        actor=side.coordinator, agreement=found, year_start=dt.date(2026, 4, 1), category="staff", amount="24000"
    )
    return found


def budget_line(side: Side):
    return agreement(side).budget_lines.get()


REVIEW_ANSWERS = {
    "surveys": "Every person supported gave feedback.",
    "training": "Volunteers trained in trauma-informed care.",
    "benefit": "People felt safer while deciding.",
    "new_groups": "Nothing to report.",
    "achievements": "The virtual hub opened.",
    "problems": "Beds were short in winter; we added a second host.",
    "plans": "Extend the hub to the health trust.",
}


def review(side: Side, *, submit: bool = True):
    """The charity's review of 2025/26 for a new agreement, submitted."""
    found = agreement(side)
    return services.funding_reviews.review_save(
        actor=side.spoc_charity,
        agreement=found,
        organisation=side.charity,
        year_start=dt.date(2025, 4, 1),
        submit=submit,
        **REVIEW_ANSWERS,
    )
