"""The plan as it stood on any date, and the RAG counts at quarter ends, read back from the history."""

import datetime as dt

import pytest
from django.urls import reverse

from actionplans import selectors, services

from .action_helpers import make_action

pytestmark = pytest.mark.django_db


def _at(day):
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=dt.UTC)


@pytest.fixture
def history(a):
    """Car washes: Green from 1 April, Amber from 10 June, Red from 5 September. Drop-in: added 1 July."""
    washes = make_action(a, title="Car wash visits", at=_at(dt.date(2026, 4, 1)), due_date=dt.date(2026, 8, 31))
    services.action_set_status(
        actor=a.coordinator, action=washes, status="amber", note="Staff off", at=_at(dt.date(2026, 6, 10))
    )
    services.action_set_status(
        actor=a.coordinator, action=washes, status="red", note="Stopped", at=_at(dt.date(2026, 9, 5))
    )
    drop_in = make_action(
        a, title="Drop-in", organisation=a.charity, at=_at(dt.date(2026, 7, 1)), due_date=dt.date(2027, 3, 31)
    )
    return washes, drop_in


def test_the_plan_on_a_date_shows_each_actions_status_at_the_end_of_that_day(a, history):
    washes, drop_in = history
    on_30_june = {x.title: x.status_then for x in selectors.plan_as_of(a.partnership, dt.date(2026, 6, 30))}
    assert on_30_june == {"Car wash visits": "amber"}  # the drop-in did not exist yet
    on_10_june = {x.title: x.status_then for x in selectors.plan_as_of(a.partnership, dt.date(2026, 6, 10))}
    assert on_10_june == {"Car wash visits": "amber"}  # a change that day counts
    on_9_june = {x.title: x.status_then for x in selectors.plan_as_of(a.partnership, dt.date(2026, 6, 9))}
    assert on_9_june == {"Car wash visits": "green"}
    on_1_oct = {x.title: x.status_then for x in selectors.plan_as_of(a.partnership, dt.date(2026, 10, 1))}
    assert on_1_oct == {"Car wash visits": "red", "Drop-in": "green"}


def test_the_as_of_page_shows_overdue_then(a, history, login):
    page = login(a.board).get(reverse("actions:as_of", kwargs={"slug": a.slug}), {"date": "2026-09-01"})
    text = page.content.decode()
    assert "1 September 2026" in text
    assert "1 overdue" in text  # car washes: due 31 August, Amber on 1 September


def test_counts_at_quarter_ends_come_from_the_history(a, history):
    days = [dt.date(2026, 3, 31), dt.date(2026, 6, 30), dt.date(2026, 9, 30)]
    counts = selectors.counts_at(a.partnership, days)
    assert counts[0] == {"red": 0, "amber": 0, "green": 0, "complete": 0}
    assert counts[1] == {"red": 0, "amber": 1, "green": 0, "complete": 0}
    assert counts[2] == {"red": 1, "amber": 0, "green": 1, "complete": 0}


def test_another_partnerships_history_is_not_counted(a, b, history):
    make_action(b, title="Theirs", at=_at(dt.date(2026, 4, 2)))
    assert sum(selectors.counts_at(a.partnership, [dt.date(2026, 5, 1)])[0].values()) == 1


def test_quarters_follow_the_partnerships_financial_year(a):
    assert selectors.quarter_of(a.partnership, dt.date(2026, 5, 15)) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert selectors.quarter_of(a.partnership, dt.date(2027, 2, 1)) == (dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    a.partnership.financial_year_start_month = 1
    assert selectors.quarter_of(a.partnership, dt.date(2026, 12, 31)) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert selectors.quarter_ends(a.partnership, dt.date(2026, 11, 26))[-2:] == [
        dt.date(2026, 9, 30),
        dt.date(2026, 11, 26),
    ]


def test_the_home_page_panel_shows_counts_overdue_and_the_chart_with_its_table(a, history, login):
    page = login(a.viewer).get(reverse("partnerships:home", kwargs={"slug": a.slug})).content.decode()
    assert "Actions by RAG status at each quarter end" in page
    assert "<svg" in page
    assert "The numbers in the chart" in page
    assert "Car wash visits" in page  # overdue (due 31 August) or recently changed
