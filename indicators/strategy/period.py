"""The strategy period: the three to five financial years the partnership's plan runs for.

Stored on the plan statement as two start years; read here as dates and labels from the one
financial calendar. Pages that list years show these by default and the others on request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aspm.financial_calendar import calendar_of, year_label
from partnerships.access import scoped

from ..models import PlanStatement

SHORTEST, LONGEST = 3, 5  # years


@dataclass(frozen=True)
class StrategyPeriod:
    start_year: int
    end_year: int
    start: date
    end: date  # the last day of the last year

    @property
    def length(self) -> int:
        return self.end_year - self.start_year + 1

    @property
    def label(self) -> str:
        return f"{year_label(self.start)} to {year_label(date(self.end_year, self.start.month, 1))}"

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


def period_from(partnership, start_year: int | None, end_year: int | None) -> StrategyPeriod | None:
    if not start_year or not end_year:
        return None
    cal = calendar_of(partnership)
    return StrategyPeriod(
        start_year, end_year, cal.year_starting(start_year), cal.year_end(cal.year_starting(end_year))
    )


def strategy_period_of(partnership) -> StrategyPeriod | None:
    """The partnership's strategy period, or None while it has not set one."""
    years = scoped(partnership, PlanStatement).values_list("strategy_start_year", "strategy_end_year").first()
    return period_from(partnership, *years) if years else None


@dataclass(frozen=True)
class YearWindow:
    """Which years a page lists: the strategy period by default, every year when asked (``?years=all``)."""

    period: StrategyPeriod | None
    all_years: bool

    @property
    def limited(self) -> bool:
        return self.period is not None and not self.all_years

    def shows(self, day: date) -> bool:
        return not self.limited or self.period.holds(day)


def year_window(request) -> YearWindow:
    return YearWindow(strategy_period_of(request.partnership), request.GET.get("years") == "all")
