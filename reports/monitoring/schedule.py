"""The periods an agreement is monitored in: its months or quarters, from the one holding its start
to the one holding its end. Pure: no query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aspm.financial_calendar import add_months, calendar_of, month_end
from indicators.models import PeriodKind


@dataclass(frozen=True)
class Slot:
    """One month or quarter of the agreement's monitoring schedule."""

    kind: str  # PeriodKind.MONTH or PeriodKind.QUARTER
    start: date
    end: date
    label: str
    year_start: date  # the financial year it falls in


def period_kind(agreement) -> str:
    return PeriodKind.MONTH if agreement.schedule == "monthly" else PeriodKind.QUARTER


def schedule_slots(agreement) -> list[Slot]:
    """Every month (monthly schedule) or quarter (quarterly) the agreement runs in, oldest first."""
    cal = calendar_of(agreement.partnership)
    if period_kind(agreement) == PeriodKind.QUARTER:
        return [
            Slot(PeriodKind.QUARTER, q.start, q.end, q.label, q.year_start)
            for q in cal.quarters_between(agreement.start_date, agreement.end_date)
        ]
    slots = []
    start = agreement.start_date.replace(day=1)
    while start <= agreement.end_date:
        slots.append(Slot(PeriodKind.MONTH, start, month_end(start), start.strftime("%B %Y"), cal.year_start(start)))
        start = add_months(start, 1)
    return slots


def within_agreement(agreement, start: date, end: date) -> bool:
    """Whether a period from ``start`` to ``end`` overlaps the agreement's dates."""
    return start <= agreement.end_date and end >= agreement.start_date
