"""A funding agreement's monthly monitoring reports, carried by the quarterly returns' machinery:
opened on the schedule for each provider, with the agreement's KPIs and a row per budget line,
saved, submitted and approved through the returns' services; bad input refused, nothing written."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indicators.models import Figure, PeriodKind, ReportingPeriod
from indicators.strategy import services as strategy
from partnerships.models import AuditEvent
from reports.models import Return, ReturnSpend, ReturnStatus
from reports.monitoring import services as monitoring
from reports.returns import services as returns

from . import monitoring_cast as mc
from .returns_cast import NARRATIVE, indicator

pytestmark = pytest.mark.django_db


def test_a_monthly_agreement_opens_one_report_per_provider_for_each_month_begun_and_only_once(a):
    agreement = mc.monthly_agreement(a, providers=[a.charity, a.police])
    opened = monitoring.agreement_reports_open(actor=None, agreement=agreement, today=date(2026, 6, 15))
    assert len(opened) == 6  # April, May and June for each of the two providers
    assert monitoring.agreement_reports_open(actor=None, agreement=agreement, today=date(2026, 6, 30)) == []
    charity = Return.objects.filter(agreement=agreement, organisation=a.charity).order_by("period__start")
    assert [(r.period.kind, r.period.label, r.due_date) for r in charity] == [
        (PeriodKind.MONTH, "April 2026", date(2026, 5, 31)),
        (PeriodKind.MONTH, "May 2026", date(2026, 6, 30)),
        (PeriodKind.MONTH, "June 2026", date(2026, 7, 31)),
    ]
    assert str(charity[0]) == f"{a.charity} monitoring report for April 2026"


def test_the_daily_job_opens_the_reports_of_running_agreements(a, b):
    mc.monthly_agreement(a)
    mc.monthly_agreement(b)
    assert monitoring.monitoring_reports_open_due(today=date(2026, 5, 2)) == 4
    assert monitoring.monitoring_reports_open_due(today=date(2026, 5, 3)) == 0


def test_a_report_asks_for_the_agreements_kpis_and_each_budget_line_and_no_action_updates(a):
    indicator(a, "OTHER-1", reporters=[a.charity])  # the charity reports it in its quarterly return only
    report = mc.report(a, mc.monthly_agreement(a))
    assert [f.indicator.code for f in report.figures.all()] == ["KPI-1"]
    assert sorted(r.budget_line.category for r in report.spend.select_related("budget_line")) == [
        "accommodation",
        "staff",
    ]
    assert not report.action_updates.exists() and report.is_year_end is False


def test_the_provider_submits_spend_and_the_coordinator_approves_through_the_returns_services(a):
    report = mc.submitted_report(a, mc.report(a, mc.monthly_agreement(a)), "1800", "950", people="4")
    assert report.status == ReturnStatus.SUBMITTED
    assert report.expenditure_total == Decimal("2750.00") and report.income_total == Decimal("2750.00")
    assert AuditEvent.objects.filter(action="return.spend", object_id=str(report.pk)).exists()
    returns.return_approve(actor=a.coordinator, return_=report)
    figure = Figure.objects.get(indicator=mc.kpi(a), organisation=a.charity)
    assert figure.period.kind == PeriodKind.MONTH and figure.value == 4  # the KPI counts in the plan's results
    assert report.transitions.filter(verb="approve").exists()


def test_a_report_without_its_money_cannot_be_submitted_and_says_what_is_missing(a):
    report = mc.report(a, mc.monthly_agreement(a))
    returns.return_save_draft(
        actor=a.spoc_charity, return_=report, narrative=NARRATIVE, figures={mc.kpi(a).pk: {"value": "2"}}
    )
    with pytest.raises(ValidationError) as refused:
        returns.return_submit(actor=a.spoc_charity, return_=report)
    words = " ".join(refused.value.messages)
    assert "Give the expenditure for the period" in words and "against Staff" in words
    report.refresh_from_db()
    assert report.status == ReturnStatus.DRAFT


def _unchanged(report):
    fresh = Return.objects.get(pk=report.pk)
    rows = ReturnSpend.objects.filter(return_obj=report)
    return (
        fresh.version == report.version and fresh.expenditure_total is None and all(r.expenditure is None for r in rows)
    )


def test_expenditure_lines_that_do_not_add_up_to_the_periods_total_are_refused_and_nothing_is_saved(a):
    report = mc.report(a, mc.monthly_agreement(a))
    posted = mc.money(report, "1800", "950")
    posted["expenditure_total"] = "3000"
    with pytest.raises(ValidationError) as refused:
        returns.return_save_draft(actor=a.spoc_charity, return_=report, narrative=NARRATIVE, money=posted)
    assert "£2,750.00, not the £3,000.00" in refused.value.message_dict["expenditure_total"][0]
    assert _unchanged(report)
    assert Return.objects.get(pk=report.pk).progress == ""  # the narrative posted with it is not saved either


def test_a_negative_amount_is_refused_naming_its_budget_line(a):
    report = mc.report(a, mc.monthly_agreement(a))
    posted = mc.money(report, "1800", "950")
    staff_line = next(iter(posted["lines"]))
    posted["lines"][staff_line]["expenditure"] = "-200"
    with pytest.raises(ValidationError) as refused:
        returns.return_save_draft(actor=a.spoc_charity, return_=report, money=posted)
    assert "Expenditure for Staff: give £0 or more" in refused.value.message_dict[f"spend-{staff_line}-expenditure"][0]
    assert _unchanged(report)


def test_a_period_outside_the_agreement_is_refused(a):
    agreement = mc.monthly_agreement(a)
    period = ReportingPeriod.objects.create(
        partnership=a.partnership,
        kind=PeriodKind.MONTH,
        start=date(2027, 4, 1),
        end=date(2027, 4, 30),
        label="April 2027",
    )
    with pytest.raises(ValidationError) as refused:
        monitoring.monitoring_report_open(
            actor=a.coordinator, agreement=agreement, organisation=a.charity, period=period
        )
    assert "April 2027 is outside the agreement" in refused.value.message_dict["period"][0]
    assert not Return.objects.filter(agreement=agreement).exists()


def test_a_report_for_an_organisation_that_does_not_provide_the_service_is_refused(a):
    agreement = mc.monthly_agreement(a)
    mc.report(a, agreement)
    with pytest.raises(ValidationError) as refused:
        monitoring.monitoring_report_open(
            actor=a.coordinator, agreement=agreement, organisation=a.police, period=mc.month(a, date(2026, 4, 1))
        )
    assert "is not a provider" in refused.value.message_dict["organisation"][0]
    assert not Return.objects.filter(agreement=agreement, organisation=a.police).exists()


def test_a_kpi_of_another_partnership_is_refused_on_the_agreement_and_in_the_report(a, b):
    agreement = mc.monthly_agreement(a)
    with pytest.raises(ValidationError):
        strategy.agreement_update(actor=a.coordinator, agreement=agreement, indicators=[mc.kpi(b)])
    assert list(agreement.indicators.all()) == [mc.kpi(a)]
    report = mc.report(a, agreement)
    with pytest.raises(ValidationError) as refused:
        returns.return_save_draft(actor=a.spoc_charity, return_=report, figures={mc.kpi(b).pk: {"value": "5"}})
    assert f"figure-{mc.kpi(b).pk}" in refused.value.message_dict
    assert not Figure.objects.exists() and Return.objects.get(pk=report.pk).version == report.version
