"""Quarterly reporting periods for a partnership that has none yet.

A stop-gap for the demo and tests on this branch: the indicators app's period generator
replaces it when the branches meet. It never touches a partnership that already has quarters.
"""

from __future__ import annotations

import calendar
from datetime import date

from django.db import transaction

from indicators.models import PeriodKind, PeriodStatus, ReportingPeriod
from partnerships import audit
from partnerships.access import scoped


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def quarter_of(partnership, day: date) -> tuple[date, date, str]:
    """Start, end and label ("2026/27 Q3") of the financial quarter containing ``day``."""
    start_month = partnership.financial_year_start_month
    fy_year = day.year if day.month >= start_month else day.year - 1
    offset = (day.year * 12 + day.month - 1) - (fy_year * 12 + start_month - 1)
    q = offset // 3
    sy, sm = _add_months(fy_year, start_month, q * 3)
    ey, em = _add_months(sy, sm, 2)
    end = date(ey, em, calendar.monthrange(ey, em)[1])
    year_label = f"{fy_year}/{str(fy_year + 1)[-2:]}" if start_month != 1 else str(fy_year)
    return date(sy, sm, 1), end, f"{year_label} Q{q + 1}"


def quarters_ensure(*, actor, partnership, today: date, count: int = 5) -> list[ReportingPeriod]:
    """If the partnership has no quarterly periods, make the ``count`` quarters up to and including
    the current one: the past ones locked, the current one open. Returns what it made."""
    if scoped(partnership, ReportingPeriod).filter(kind=PeriodKind.QUARTER).exists():
        return []
    made = []
    with transaction.atomic():
        start, _, _ = quarter_of(partnership, today)
        for back in range(count - 1, -1, -1):
            y, m = _add_months(start.year, start.month, -3 * back)
            q_start, q_end, label = quarter_of(partnership, date(y, m, 1))
            status = PeriodStatus.OPEN if back == 0 else PeriodStatus.LOCKED
            made.append(
                audit.create(
                    actor=actor,
                    obj=ReportingPeriod(
                        partnership=partnership,
                        kind=PeriodKind.QUARTER,
                        start=q_start,
                        end=q_end,
                        label=label,
                        status=status,
                    ),
                )
            )
    return made
