"""Financial years of a partnership as the reports name them (UK public bodies: 1 April to 31 March;
the partnership may differ). The arithmetic is the one financial calendar's (aspm.financial_calendar)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aspm.financial_calendar import calendar_of, year_label


@dataclass(frozen=True)
class FinancialYear:
    start: date
    end: date

    @property
    def label(self) -> str:
        return year_label(self.start)

    def __str__(self) -> str:
        return self.label


def year_starting(partnership, start_year: int) -> FinancialYear:
    cal = calendar_of(partnership)
    start = cal.year_starting(start_year)
    return FinancialYear(start, cal.year_end(start))


def year_containing(partnership, day: date) -> FinancialYear:
    return year_starting(partnership, calendar_of(partnership).year_start(day).year)


def year_choices(partnership, today: date, *, back: int = 5) -> list[FinancialYear]:
    """The current financial year and the ``back`` before it, newest first."""
    current = year_containing(partnership, today)
    return [year_starting(partnership, current.start.year - n) for n in range(back + 1)]
