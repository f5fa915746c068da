"""Provisional and final (indicators.measurement.finality): a period is final when it is locked and
every return for it is approved; open, or with returns outstanding, it is provisional; a period that
has not opened is "not open yet"."""

from datetime import date

import pytest

from indicators.measurement.finality import State, period_finality
from indicators.measurement.services.periods import period_lock
from indicators.models import PeriodKind, PeriodStatus, ReportingPeriod
from reports.models import Return, ReturnStatus
from reports.returns import services

from .returns_cast import NARRATIVE, open_period, quarter, the_return

pytestmark = pytest.mark.django_db

AS_AT = date(2026, 12, 3)


def approve(side, return_):
    services.return_save_draft(actor=side.spoc_police, return_=return_, narrative=NARRATIVE)
    services.return_submit(actor=side.spoc_police, return_=return_)
    return_.refresh_from_db()
    services.return_approve(actor=side.coordinator, return_=return_, version=return_.version)


def submit(side, return_, actor):
    services.return_save_draft(actor=actor, return_=return_, narrative=NARRATIVE)
    services.return_submit(actor=actor, return_=return_)


def the_year(side, status=PeriodStatus.OPEN) -> ReportingPeriod:
    return ReportingPeriod.objects.create(
        partnership=side.partnership,
        kind=PeriodKind.YEAR,
        start=date(2026, 4, 1),
        end=date(2027, 3, 31),
        label="2026/27",
        status=status,
    )


def approve_the_rest(period):
    """Every other return of the quarter approved (how is not what these tests are about)."""
    Return.objects.filter(period=period).exclude(status=ReturnStatus.SUBMITTED).update(status=ReturnStatus.APPROVED)


def test_a_locked_quarter_whose_returns_are_all_approved_is_final(a):
    q1 = quarter(a)
    open_period(a, q1)
    approve(a, the_return(a, a.police, q1))
    approve_the_rest(q1)
    q1 = period_lock(actor=a.coordinator, period=q1)
    finality = period_finality(a.partnership, [q1], as_at=AS_AT)
    assert (finality.state(q1), finality.summary([q1])) == (State.FINAL, "Final figures")


def test_a_locked_quarter_with_one_return_submitted_but_not_approved_is_provisional(a):
    q1 = quarter(a)
    open_period(a, q1)
    submit(a, the_return(a, a.charity, q1), a.spoc_charity)
    approve_the_rest(q1)  # all but the charity's, submitted and waiting for the coordinator
    q1 = period_lock(actor=a.coordinator, period=q1)
    finality = period_finality(a.partnership, [q1], as_at=AS_AT)
    assert finality.state(q1) == State.PROVISIONAL
    assert finality.summary([q1]) == "Provisional figures, as at 3 December 2026"


def test_an_open_quarter_is_provisional_even_when_its_returns_are_approved(a):
    q1 = quarter(a)
    open_period(a, q1)
    approve(a, the_return(a, a.police, q1))
    approve_the_rest(q1)
    assert period_finality(a.partnership, [q1], as_at=AS_AT).state(q1) == State.PROVISIONAL


def test_a_quarter_not_opened_or_not_started_is_not_open_yet(a):
    q3 = quarter(a, date(2026, 10, 1))  # started, but the coordinator has not opened it
    q4 = quarter(a, date(2027, 1, 1))
    q4.status = PeriodStatus.OPEN  # opened early, but it has not started by the date of the figures
    q4.save()
    finality = period_finality(a.partnership, [q3, q4], as_at=AS_AT)
    assert (finality.state(q3), finality.state(q4)) == (State.NOT_OPEN, State.NOT_OPEN)
    assert finality.label(q4) == "Not open yet"


def test_a_year_is_final_only_when_locked_and_every_quarter_is_final(a):
    year = the_year(a)
    quarters = [quarter(a, date(y, m, 1)) for y, m in ((2026, 4), (2026, 7), (2026, 10), (2027, 1))]
    for q in quarters:
        open_period(a, q)
        approve_the_rest(q)
        period_lock(actor=a.coordinator, period=q)
    after_year_end = date(2027, 5, 1)
    assert period_finality(a.partnership, [year], as_at=after_year_end).state(year) == State.PROVISIONAL  # open
    year = period_lock(actor=a.coordinator, period=year)
    assert period_finality(a.partnership, [year], as_at=after_year_end).state(year) == State.FINAL
    # a return reopened in one quarter makes the year provisional again
    r = the_return(a, a.police, quarters[2])
    r.status = ReturnStatus.SUBMITTED
    r.save()
    assert period_finality(a.partnership, [year], as_at=after_year_end).state(year) == State.PROVISIONAL


def test_an_in_year_year_is_provisional_as_at_its_date(a):
    year = the_year(a)
    finality = period_finality(a.partnership, [year], as_at=AS_AT)
    assert finality.summary([year]) == "Provisional figures, as at 3 December 2026"


def test_finality_takes_two_queries_whatever_the_number_of_periods(a, django_assert_num_queries):
    year = the_year(a)
    quarters = [quarter(a, date(y, m, 1)) for y, m in ((2026, 4), (2026, 7), (2026, 10), (2027, 1))]
    for q in quarters[:2]:
        open_period(a, q)
        period_lock(actor=a.coordinator, period=q)
    year = ReportingPeriod.objects.get(pk=year.pk)
    quarters = list(ReportingPeriod.objects.filter(kind=PeriodKind.QUARTER).order_by("start"))
    with django_assert_num_queries(2):
        period_finality(a.partnership, [year, *quarters], as_at=AS_AT)


def test_a_year_never_opened_on_its_own_is_final_once_ended_with_every_quarter_final(a):
    year = the_year(a, status=PeriodStatus.NOT_OPEN)  # the partnership opens and locks quarters only
    quarters = [quarter(a, date(y, m, 1)) for y, m in ((2026, 4), (2026, 7), (2026, 10), (2027, 1))]
    for q in quarters:
        open_period(a, q)
        approve_the_rest(q)
        period_lock(actor=a.coordinator, period=q)
    assert period_finality(a.partnership, [year], as_at=date(2027, 3, 31)).state(year) == State.PROVISIONAL
    assert period_finality(a.partnership, [year], as_at=date(2027, 4, 1)).state(year) == State.FINAL
    assert period_finality(a.partnership, [year], as_at=AS_AT).state(year) == State.PROVISIONAL  # in year
