"""The one financial calendar: a partnership's years, quarters, their labels and due dates.

A partnership's financial year starts on the first of ``Partnership.financial_year_start_month``
(April for UK public bodies, so 1 April 2026 to 31 March 2027 is "2026/27"; a year starting in
January is labelled by its calendar year, "2026"). Quarters are three months from the year's start,
labelled "2026/27 Q3". Everything that works out a year, a quarter, a label or a due date asks
this module: reporting periods, the annual report's years, the returns, the action plan's quarters,
the health goals, benchmarking and the year-end return.

    cal = calendar_of(partnership)
    cal.quarter_of(date(2026, 12, 3))  # Quarter(2026/27 Q3, 1 October 2026 to 31 December 2026)

Which years can hold anything (baselines, targets, figures, a strategy period) is one rule, here:
from the year starting in :data:`FIRST_YEAR` (2010/11, old enough for the seed guide's 2016-18
baselines) to :data:`YEARS_AHEAD` years after the current one (``cal.years_open(today)``,
``cal.check_year(start_year, today)``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError

FIRST_YEAR = 2010  # the earliest financial year (2010/11) that can hold baselines, targets and figures
YEARS_AHEAD = 10  # the latest is this many years after the current financial year


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def due_after(end: date) -> date:
    """When figures for a period ending on ``end`` are due: one month later. A period ending on the
    last day of a month is due on the last day of the next (30 June -> 31 July; 31 December ->
    31 January)."""
    year, month = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if end == month_end(end) else min(end.day, last))


def year_label(start: date) -> str:
    """ "2026/27" for a year starting in April 2026; "2026" when the year is the calendar year."""
    if start.month == 1:
        return str(start.year)
    return f"{start.year}/{(start.year + 1) % 100:02d}"


@dataclass(frozen=True)
class Quarter:
    start: date
    end: date  # inclusive
    number: int  # 1 to 4 within its financial year
    year_start: date

    @property
    def label(self) -> str:
        return f"{year_label(self.year_start)} Q{self.number}"

    @property
    def is_year_end(self) -> bool:
        return self.number == 4

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class FinancialCalendar:
    start_month: int = 4

    def year_start(self, day: date) -> date:
        """The first day of the financial year holding ``day``."""
        return date(day.year if day.month >= self.start_month else day.year - 1, self.start_month, 1)

    def year_starting(self, start_year: int) -> date:
        return date(start_year, self.start_month, 1)

    @staticmethod
    def year_end(year_start: date) -> date:
        return add_months(year_start, 12) - timedelta(days=1)

    def quarter_of(self, day: date) -> Quarter:
        """The financial quarter holding ``day``."""
        year_start = self.year_start(day)
        number = ((day.year * 12 + day.month) - (year_start.year * 12 + year_start.month)) // 3 + 1
        start = add_months(year_start, 3 * (number - 1))
        return Quarter(start, add_months(start, 3) - timedelta(days=1), number, year_start)

    def quarters_to(self, today: date, count: int) -> list[Quarter]:
        """The ``count`` quarters ending with the one holding ``today``, oldest first."""
        current = self.quarter_of(today)
        return [self.quarter_of(add_months(current.start, -3 * back)) for back in range(count - 1, -1, -1)]

    def quarters_between(self, start: date, end: date) -> list[Quarter]:
        """The quarters from the one holding ``start`` to the one holding ``end``, oldest first."""
        if end < start:
            return []
        first, last = self.quarter_of(start), self.quarter_of(end)
        count = ((last.start.year - first.start.year) * 12 + last.start.month - first.start.month) // 3 + 1
        return self.quarters_to(end, count)

    def quarters_of_year(self, year_start: date) -> list[Quarter]:
        return [self.quarter_of(add_months(year_start, 3 * n)) for n in range(4)]

    def years_open(self, today: date) -> range:
        """The start years of every financial year that can hold figures: 2010/11 to ten years ahead."""
        return range(FIRST_YEAR, self.year_start(today).year + YEARS_AHEAD + 1)

    def open_span(self, today: date) -> tuple[date, date]:
        """The first and last day of the years that can hold figures."""
        years = self.years_open(today)
        return self.year_starting(years[0]), self.year_end(self.year_starting(years[-1]))

    def years_open_words(self, today: date) -> str:
        years = self.years_open(today)
        return f"{year_label(self.year_starting(years[0]))} to {year_label(self.year_starting(years[-1]))}"

    def check_year(self, start_year: int, today: date, *, field: str = "year_start") -> None:
        """Refuse a financial year outside :meth:`years_open`, saying which years are possible."""
        if start_year not in self.years_open(today):
            raise ValidationError(
                {
                    field: f"Choose a financial year from {self.years_open_words(today)}; "
                    f"{year_label(self.year_starting(start_year))} is outside that range."
                }
            )

    def check_date(self, day: date | None, today: date, *, field: str) -> None:
        """Refuse a date (a baseline's, a milestone's) outside the years that can hold figures."""
        if day is None:
            return
        first, last = self.open_span(today)
        if not first <= day <= last:
            raise ValidationError(
                {
                    field: f"Choose a date in the financial years {self.years_open_words(today)} "
                    f"({first:%-d %B %Y} to {last:%-d %B %Y})."
                }
            )

    def is_year_end(self, quarter_end: date) -> bool:
        """Whether a quarter ending on ``quarter_end`` is the last of its financial year."""
        return self.quarter_of(quarter_end).is_year_end


def calendar_of(partnership) -> FinancialCalendar:
    return FinancialCalendar(partnership.financial_year_start_month)
