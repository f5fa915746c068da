"""A monthly funding agreement on the named cast: the council funds the charity (and, when asked,
the police) for 2026/27, with two budget lines and one KPI, and helpers to move its monitoring
reports through the returns' workflow."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from indicators.models import FundingAgreement, Indicator, PeriodKind, ReportingPeriod
from indicators.strategy import services as strategy
from reports.models import Return
from reports.monitoring import services as monitoring
from reports.returns import services as returns

from .cast import Side
from .returns_cast import NARRATIVE

STAFF, BEDS = Decimal("24000"), Decimal("12000")  # a year: £2,000 and £1,000 a month


def kpi(side: Side, code: str = "KPI-1", reporters=None) -> Indicator:
    found = Indicator.objects.filter(partnership=side.partnership, code=code).first()
    if found:
        return found
    indicator = Indicator.objects.create(partnership=side.partnership, code=code, name="People given a safe bed")
    indicator.reporting_organisations.set(reporters if reporters is not None else [side.charity, side.police])
    return indicator


def monthly_agreement(side: Side, *, providers=None, tolerance: int = 10) -> FundingAgreement:
    agreement = strategy.agreement_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title="Support before a referral decision",
        funder_organisation=side.council,
        providers=providers or [side.charity],
        purpose="A caseworker and safe beds for people deciding whether to enter the NRM.",
        start_date=date(2026, 4, 1),
        end_date=date(2027, 3, 31),
        total_value="36000",
        schedule="monthly",
        tolerance_percent=tolerance,
        indicators=[kpi(side)],
    )
    for category, amount in (("staff", STAFF), ("accommodation", BEDS)):
        strategy.budget_line_create(
            actor=side.coordinator, agreement=agreement, year_start=date(2026, 4, 1), category=category, amount=amount
        )
    return agreement


def month(side: Side, start: date) -> ReportingPeriod:
    return ReportingPeriod.objects.get(partnership=side.partnership, kind=PeriodKind.MONTH, start=start)


def report(side: Side, agreement: FundingAgreement, start: date = date(2026, 4, 1), organisation=None) -> Return:
    """The provider's report for the month starting ``start``, opened if need be."""
    monitoring.agreement_reports_open(actor=side.coordinator, agreement=agreement, today=start)
    return Return.objects.get(agreement=agreement, organisation=organisation or side.charity, period__start=start)


def money(report_: Return, staff, beds, *, income=None) -> dict:
    """What the spend page posts: expenditure per line (staff, beds) and the totals that match."""
    lines = {row.budget_line.category: row.budget_line_id for row in report_.spend.select_related("budget_line")}
    staff, beds = Decimal(staff), Decimal(beds)
    income = Decimal(income) if income is not None else staff + beds
    return {
        "lines": {
            lines["staff"]: {"income": str(income), "expenditure": str(staff)},
            lines["accommodation"]: {"income": "0", "expenditure": str(beds)},
        },
        "income_total": str(income),
        "expenditure_total": str(staff + beds),
    }


def submitted_report(side: Side, report_: Return, staff, beds, *, people: str = "3") -> Return:
    figures = {kpi(side).pk: {"value": people}}
    actor = side.spoc_charity if report_.organisation_id == side.charity.pk else side.spoc_police
    returns.return_save_draft(
        actor=actor, return_=report_, narrative=NARRATIVE, figures=figures, money=money(report_, staff, beds)
    )
    returns.return_submit(actor=actor, return_=report_)
    report_.refresh_from_db()
    return report_


def approved_report(side: Side, agreement, start: date, staff, beds) -> Return:
    report_ = submitted_report(side, report(side, agreement, start), staff, beds)
    returns.return_approve(actor=side.coordinator, return_=report_)
    report_.refresh_from_db()
    return report_
