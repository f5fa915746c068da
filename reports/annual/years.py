"""Financial years of a partnership (UK public bodies: 1 April to 31 March; the partnership may differ)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class FinancialYear:
    start: date
    end: date

    @property
    def label(self) -> str:
        if self.start.month == 1:
            return str(self.start.year)
        return f"{self.start.year}/{str(self.end.year)[-2:]}"

    def __str__(self) -> str:
        return self.label


def year_starting(partnership, start_year: int) -> FinancialYear:
    start = date(start_year, partnership.financial_year_start_month, 1)
    next_start = date(start_year + 1, partnership.financial_year_start_month, 1)
    return FinancialYear(start, next_start - timedelta(days=1))


def year_containing(partnership, day: date) -> FinancialYear:
    start_year = day.year if day.month >= partnership.financial_year_start_month else day.year - 1
    return year_starting(partnership, start_year)


def year_choices(partnership, today: date, *, back: int = 5) -> list[FinancialYear]:
    """The current financial year and the ``back`` before it, newest first."""
    current = year_containing(partnership, today)
    return [year_starting(partnership, current.start.year - n) for n in range(back + 1)]
