"""The one financial calendar (aspm.financial_calendar): years, quarters, labels and due dates for a
partnership whose year starts in April (UK public bodies), in January, or in another month."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from aspm.financial_calendar import FinancialCalendar, due_after, year_label

APRIL, JANUARY, JULY = FinancialCalendar(4), FinancialCalendar(1), FinancialCalendar(7)


def test_3_december_2026_is_in_the_third_quarter_of_2026_27_for_an_april_year():
    q = APRIL.quarter_of(date(2026, 12, 3))
    assert (q.start, q.end, q.number, q.label) == (date(2026, 10, 1), date(2026, 12, 31), 3, "2026/27 Q3")
    assert not q.is_year_end


def test_february_belongs_to_the_year_that_started_the_april_before():
    q = APRIL.quarter_of(date(2027, 2, 15))
    assert (q.label, q.start, q.end, q.is_year_end) == ("2026/27 Q4", date(2027, 1, 1), date(2027, 3, 31), True)
    assert APRIL.year_start(date(2027, 2, 15)) == date(2026, 4, 1)
    assert APRIL.year_end(date(2026, 4, 1)) == date(2027, 3, 31)


def test_a_calendar_year_is_labelled_by_its_year_alone():
    assert JANUARY.quarter_of(date(2026, 12, 3)).label == "2026 Q4"
    assert year_label(date(2026, 1, 1)) == "2026"


def test_a_year_starting_in_july_has_its_second_quarter_from_october():
    q = JULY.quarter_of(date(2026, 12, 3))
    assert (q.label, q.start, q.end) == ("2026/27 Q2", date(2026, 10, 1), date(2026, 12, 31))
    assert JULY.is_year_end(date(2027, 6, 30)) and not JULY.is_year_end(date(2027, 3, 31))


def test_the_last_five_quarters_cross_into_the_year_before_oldest_first():
    labels = [q.label for q in APRIL.quarters_to(date(2026, 12, 3), 5)]
    assert labels == ["2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026/27 Q2", "2026/27 Q3"]


def test_the_quarters_between_two_days_of_a_year_are_its_four():
    quarters = APRIL.quarters_between(date(2026, 4, 1), date(2027, 3, 31))
    assert [q.label for q in quarters] == [f"2026/27 Q{n}" for n in (1, 2, 3, 4)]
    assert APRIL.quarters_between(date(2026, 5, 1), date(2026, 4, 1)) == []


def test_figures_are_due_a_month_after_a_period_ends_month_ends_to_month_ends():
    assert due_after(date(2026, 6, 30)) == date(2026, 7, 31)
    assert due_after(date(2026, 12, 31)) == date(2027, 1, 31)
    assert due_after(date(2027, 1, 31)) == date(2027, 2, 28)
    assert due_after(date(2026, 5, 15)) == date(2026, 6, 15)


@given(st.integers(min_value=1, max_value=12), st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_day_lies_in_its_quarter_and_the_quarters_run_on_without_gaps(start_month, day):
    cal = FinancialCalendar(start_month)
    q = cal.quarter_of(day)
    assert q.start <= day <= q.end and q.start.day == 1 and 1 <= q.number <= 4
    assert q.year_start == cal.year_start(day) and q.year_start.month == start_month
    after = cal.quarter_of(q.end + timedelta(days=1))
    assert after.start == q.end + timedelta(days=1)
    assert after.number == q.number % 4 + 1
    assert [x.start for x in cal.quarters_of_year(q.year_start)][q.number - 1] == q.start
