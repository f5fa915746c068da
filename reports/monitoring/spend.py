"""Spend against budget for a funding agreement, from its approved monitoring reports.

The rules, in the words the agreement page prints:
- A budget line's amount for a year is spread evenly over the schedule's periods of that year that
  the agreement runs in (pennies left over go to the last period), so each period has a budget.
- Spent is the expenditure in approved monitoring reports, added across providers.
- Year to date runs from the year's first period to the latest one with an approved report.
- Variance is spent less budget: above zero is an overspend, below zero an underspend.
- Forecast for the year is the run rate so far: spent to date ÷ periods to date × periods in the year.
- A line is flagged when its variance to date is more than the funder's tolerance (a percentage of
  its budget to date) either way.

``agreement_spend(agreement)`` takes two queries whatever the number of reports. The agreement
page's table and the funder's PDF (and its chart) read it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.db.models import Sum

from aspm.financial_calendar import year_label
from indicators.models import BudgetLine, FundingAgreement
from partnerships.access import scoped

from ..models.returns import ReturnSpend, ReturnStatus
from .schedule import Slot, schedule_slots

PENNY = Decimal("0.01")
ZERO = Decimal(0)
OVER, UNDER = "over", "under"
FLAG_LABELS = {OVER: "Overspend", UNDER: "Underspend", "": ""}
RULE = (
    "Each year's budget is spread evenly over its months or quarters. Spent counts approved reports only. "
    "The forecast assumes spending carries on at the rate so far this year."
)


def _money(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def split_evenly(amount: Decimal, parts: int) -> list[Decimal]:
    """``amount`` in ``parts`` equal shares to the penny, the remainder on the last: they add up exactly."""
    if parts <= 0:
        return []
    share = (amount / parts).quantize(PENNY, rounding="ROUND_DOWN")
    return [share] * (parts - 1) + [amount - share * (parts - 1)]


@dataclass
class PeriodSpend:
    slot: Slot
    budget: Decimal
    spent: Decimal | None  # None: no approved report for the period yet
    income: Decimal | None = None

    @property
    def variance(self) -> Decimal | None:
        return None if self.spent is None else self.spent - self.budget


@dataclass
class LineSpend:
    """One budget line (or, with ``line`` None, the year's total) over one financial year. Its sums
    are worked out when first read (the page and the PDF read each several times), so they are read
    only once the row is built."""

    line: BudgetLine | None
    tolerance_percent: int
    periods: list[PeriodSpend] = field(default_factory=list)
    year_budget: Decimal = ZERO
    to_date_periods: int = 0  # periods from the year's first to the latest reported
    periods_in_year: int = 0

    @property
    def label(self) -> str:
        return str(self.line) if self.line is not None else "Total"

    @cached_property
    def to_date_budget(self) -> Decimal:
        return sum((p.budget for p in self.periods[: self.to_date_periods]), ZERO)

    @cached_property
    def to_date_spent(self) -> Decimal:
        return sum((p.spent or ZERO for p in self.periods[: self.to_date_periods]), ZERO)

    @cached_property
    def to_date_income(self) -> Decimal:
        return sum((p.income or ZERO for p in self.periods[: self.to_date_periods]), ZERO)

    @cached_property
    def variance(self) -> Decimal:
        return self.to_date_spent - self.to_date_budget

    @cached_property
    def variance_percent(self) -> Decimal | None:
        if not self.to_date_budget:
            return None
        return _money(self.variance * 100 / self.to_date_budget)

    @cached_property
    def forecast(self) -> Decimal | None:
        """Spent to date at the same rate for the whole year; None before the first report."""
        if not self.to_date_periods:
            return None
        return _money(self.to_date_spent / self.to_date_periods * self.periods_in_year)

    @cached_property
    def forecast_variance(self) -> Decimal | None:
        return None if self.forecast is None else self.forecast - self.year_budget

    @cached_property
    def flag(self) -> str:
        """``"over"``, ``"under"`` or ``""``: the variance to date beyond the tolerance either way."""
        if not self.to_date_periods:
            return ""
        allowed = self.to_date_budget * self.tolerance_percent / 100
        if self.variance > allowed:
            return OVER
        if self.variance < -allowed:
            return UNDER
        return ""

    @property
    def flag_label(self) -> str:
        return FLAG_LABELS[self.flag]


@dataclass
class YearSpend:
    start: date
    slots: list[Slot]
    lines: list[LineSpend]
    total: LineSpend
    reported_through: Slot | None  # the latest period with an approved report

    @property
    def label(self) -> str:
        return year_label(self.start)


@dataclass
class AgreementSpend:
    agreement: FundingAgreement
    tolerance_percent: int
    years: list[YearSpend]
    rule: str = RULE

    def year(self, start: date) -> YearSpend | None:
        return next((y for y in self.years if y.start == start), None)


def _spent(agreement: FundingAgreement) -> dict[tuple[int, date], tuple[Decimal | None, Decimal | None]]:
    """(budget line id, period start) -> (expenditure, income) from approved reports. One query."""
    rows = (
        scoped(agreement.partnership, ReturnSpend)
        .filter(return_obj__agreement=agreement, return_obj__status=ReturnStatus.APPROVED)
        .values("budget_line_id", "return_obj__period__start")
        .annotate(spent=Sum("expenditure"), income=Sum("income"))
        .order_by()
    )
    return {(r["budget_line_id"], r["return_obj__period__start"]): (r["spent"], r["income"]) for r in rows}


def agreement_spend(agreement: FundingAgreement, *, lines: list[BudgetLine] | None = None) -> AgreementSpend:
    """Spend against budget, per financial year, budget line and period of the schedule (see the
    module's rules). Two queries, or one when the caller has read the agreement's budget ``lines``
    already, in their order (year, kind of cost, description), as the agreement page has."""
    tolerance = agreement.tolerance_percent
    if lines is None:
        lines = (
            scoped(agreement.partnership, BudgetLine)
            .filter(agreement=agreement)
            .order_by("year_start", "category", "description")
        )
    lines_by_year: dict[date, list[BudgetLine]] = defaultdict(list)
    for line in lines:
        lines_by_year[line.year_start].append(line)
    slots_by_year: dict[date, list[Slot]] = defaultdict(list)
    for slot in schedule_slots(agreement):
        slots_by_year[slot.year_start].append(slot)
    spent = _spent(agreement)
    reported_starts = {start for (_line, start) in spent}
    years = []
    for start in sorted(set(slots_by_year) | set(lines_by_year)):
        slots = slots_by_year.get(start, [])
        reported = [i for i, s in enumerate(slots) if s.start in reported_starts]
        to_date = reported[-1] + 1 if reported else 0
        lines = []
        for line in lines_by_year.get(start, []):
            row = LineSpend(
                line, tolerance, year_budget=line.amount, to_date_periods=to_date, periods_in_year=len(slots)
            )
            for slot, budget in zip(slots, split_evenly(line.amount, len(slots)), strict=True):
                found = spent.get((line.pk, slot.start))
                row.periods.append(PeriodSpend(slot, budget, found[0] if found else None, found[1] if found else None))
            lines.append(row)
        total = LineSpend(
            None,
            tolerance,
            year_budget=sum((row.year_budget for row in lines), ZERO),
            to_date_periods=to_date,
            periods_in_year=len(slots),
        )
        for i, slot in enumerate(slots):
            found = [row.periods[i] for row in lines if row.periods[i].spent is not None]
            total.periods.append(
                PeriodSpend(
                    slot,
                    sum((row.periods[i].budget for row in lines), ZERO),
                    sum((p.spent for p in found), ZERO) if found else None,
                    sum((p.income or ZERO for p in found), ZERO) if found else None,
                )
            )
        years.append(YearSpend(start, slots, lines, total, slots[to_date - 1] if to_date else None))
    return AgreementSpend(agreement, tolerance, years)
