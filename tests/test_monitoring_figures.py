"""A KPI of a funding agreement reported both monthly (the provider's monitoring reports) and
quarterly (its quarterly return) counts once in the partnership's figures: the quarter's own figure
stands, and its months count only where no organisation gave the quarter (indicators/measurement/
year_figures.py; DOMAIN.md, "How figures combine")."""

from datetime import date

import pytest

from indicators.measurement.selectors import ResultsFilter, results_table
from indicators.models import Figure, PeriodKind, ReportingPeriod
from reports.returns import services as returns

from . import monitoring_cast as mc
from .returns_cast import NARRATIVE, open_period, the_return

pytestmark = pytest.mark.django_db

SPRING = (date(2026, 4, 1), date(2026, 5, 1), date(2026, 6, 1))


def _spring_reports(side, agreement, people=("3", "4", "5")):
    """The charity's approved monitoring reports for April, May and June, with the people it gave a bed."""
    for start, n in zip(SPRING, people, strict=True):
        report = mc.report(side, agreement, start)
        mc.submitted_report(side, report, "1800", "900", people=n)
        returns.return_approve(actor=side.coordinator, return_=report)


def _quarterly_return(side, organisation, actor, value: str):
    """``organisation``'s approved quarterly return for 2026/27 Q1, giving ``value`` for the KPI."""
    q1 = ReportingPeriod.objects.get(partnership=side.partnership, kind=PeriodKind.QUARTER, start=date(2026, 4, 1))
    if q1.status != "open":
        open_period(side, q1)
    return_ = the_return(side, organisation, q1)
    kpi = mc.kpi(side)
    returns.return_save_draft(actor=actor, return_=return_, narrative=NARRATIVE, figures={kpi.pk: {"value": value}})
    returns.return_submit(actor=actor, return_=return_)
    returns.return_approve(actor=side.coordinator, return_=return_)


def _q1_and_year(side, **filters):
    year = ReportingPeriod.objects.get(partnership=side.partnership, kind=PeriodKind.YEAR, start=date(2026, 4, 1))
    table = results_table(side.partnership, ResultsFilter(**filters), year=year, today=date(2026, 12, 1))
    row = next(r for r in table.rows if r.indicator == mc.kpi(side))
    return row.cells[0].actual, row.ytd.actual


def test_a_kpi_the_charity_gives_monthly_and_again_in_its_quarterly_return_counts_once(a):
    agreement = mc.monthly_agreement(a)
    _spring_reports(a, agreement)  # 3 + 4 + 5 = 12 people over the quarter's months
    _quarterly_return(a, a.charity, a.spoc_charity, "12")  # the same 12 people, given for the quarter

    assert Figure.objects.filter(indicator=mc.kpi(a), organisation=a.charity).count() == 4  # three months, Q1
    assert _q1_and_year(a) == (12, 12)  # not 24
    assert _q1_and_year(a, agreement=agreement.pk) == (12, 12)  # the agreement's page reads the same table


def test_a_quarterly_figure_that_differs_from_the_months_is_the_one_that_counts(a):
    agreement = mc.monthly_agreement(a)
    _spring_reports(a, agreement)
    _quarterly_return(a, a.charity, a.spoc_charity, "11")  # one person counted in two months

    assert _q1_and_year(a) == (11, 11)


def test_the_charitys_months_and_the_polices_quarter_both_count_when_each_reports_one_way(a):
    agreement = mc.monthly_agreement(a)
    _spring_reports(a, agreement)  # the charity: 12, monthly only
    _quarterly_return(a, a.police, a.spoc_police, "5")  # the police: 5, in their quarterly return only

    assert _q1_and_year(a) == (17, 17)
