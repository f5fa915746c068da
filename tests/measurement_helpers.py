"""Measurement objects for a side of the cast, made through the services (found again if present)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from indicators.measurement import services
from indicators.measurement.services.periods import year_start_for
from indicators.models import CaseStudy, Figure, FigureEvidence, Indicator, OutcomeHarvest, PeriodKind, ReportingPeriod


def this_year_start(side) -> date:
    return year_start_for(side.partnership, timezone.localdate())


def periods(side) -> dict[str, ReportingPeriod]:
    """The current financial year with quarters Q1 (open) .. Q4 (not open yet)."""
    start = this_year_start(side)
    qs = ReportingPeriod.objects.filter(partnership=side.partnership)
    if not qs.filter(kind=PeriodKind.YEAR, start=start).exists():
        services.periods_ensure_year(actor=side.coordinator, partnership=side.partnership, year_start=start)
    quarters = list(qs.filter(kind=PeriodKind.QUARTER, start__gte=start).order_by("start")[:4])
    q1 = quarters[0]
    if q1.status == "not_open":
        q1 = services.period_open(actor=side.coordinator, period=q1)
    return {
        "year": qs.get(kind=PeriodKind.YEAR, start=start),
        "q1": q1,
        "q2": quarters[1],
        "q3": quarters[2],
        "q4": quarters[3],
    }


def referrals(side, **extra) -> Indicator:
    """A count of NRM referrals, split by age group and sex, reported by the police and the charity."""
    found = Indicator.objects.filter(partnership=side.partnership, code="REF-1").first()
    if found:
        return found
    values = {
        "code": "REF-1",
        "name": "Potential victims referred to the NRM",
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "disaggregation": ["age_group", "sex"],
        **extra,
    }
    return services.indicator_create(
        actor=side.coordinator,
        partnership=side.partnership,
        reporting_organisations=[side.police, side.charity],
        **values,
    )


def figure(side) -> Figure:
    indicator, p = referrals(side), periods(side)
    found = Figure.objects.filter(indicator=indicator, period=p["q1"], organisation=side.police).first()
    return found or services.figure_record(
        actor=side.coordinator,
        indicator=indicator,
        period=p["q1"],
        organisation=side.police,
        value="4",
        breakdown={"sex": {"female": 3, "male": 1}},
    )


def evidence(side) -> FigureEvidence:
    fig = figure(side)
    found = FigureEvidence.objects.filter(figure=fig).first()
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n% test evidence\n", content_type="application/pdf")
    return found or services.evidence_add(actor=side.coordinator, figure=fig, upload=upload)


def outcome(side) -> OutcomeHarvest:
    found = OutcomeHarvest.objects.filter(partnership=side.partnership).first()
    return found or services.outcome_harvest_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title="Car washes now check workers' papers",
        what_changed="Three car wash owners began checking right-to-work papers.",
        for_whom="Car wash owners",
        when=date(2026, 6, 1),
        contribution="Joint licensing visits and a leaflet in four languages.",
        evidence="Visit notes from the council.",
        confidence="medium",
    )


def case(side) -> CaseStudy:
    found = CaseStudy.objects.filter(partnership=side.partnership).first()
    return found or services.case_study_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title="From a nail bar to college",
        summary="A young woman found in a nail bar was supported into safe housing.",
        consent_confirmed=True,
    )


def strategy_period(side, *, years: int = 5):
    """A strategy period of ``years`` financial years starting with the current one (set once)."""
    from indicators.strategy.period import strategy_period_of
    from indicators.strategy.services import strategy_period_set

    found = strategy_period_of(side.partnership)
    if found is None:
        start = this_year_start(side).year
        strategy_period_set(
            actor=side.coordinator, partnership=side.partnership, start_year=start, end_year=start + years - 1
        )
        found = strategy_period_of(side.partnership)
    return found


def milestone(side):
    """A milestone of the referrals indicator at the end of the strategy period's second year."""
    from indicators.models import Milestone

    indicator = referrals(side)
    found = Milestone.objects.filter(indicator=indicator).first()
    if found is None:
        period = strategy_period(side)
        due = date(period.start_year + 2, period.start.month, 1) - timedelta(days=1)
        found = services.milestone_set(actor=side.coordinator, indicator=indicator, due_on=due, value="30")
    return found
