"""Quarterly reporting periods for a partnership that has none yet.

A stop-gap for the demo and tests on this branch: the indicators app's period generator
replaces it when the branches meet. It never touches a partnership that already has quarters.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from aspm.financial_calendar import calendar_of
from indicators.models import PeriodKind, PeriodStatus, ReportingPeriod
from partnerships import audit
from partnerships.access import scoped


def quarters_ensure(*, actor, partnership, today: date, count: int = 5) -> list[ReportingPeriod]:
    """If the partnership has no quarterly periods, make the ``count`` quarters up to and including
    the current one: the past ones locked, the current one open. Returns what it made."""
    if scoped(partnership, ReportingPeriod).filter(kind=PeriodKind.QUARTER).exists():
        return []
    made = []
    with transaction.atomic():
        quarters = calendar_of(partnership).quarters_to(today, count)
        for quarter in quarters:
            status = PeriodStatus.OPEN if quarter == quarters[-1] else PeriodStatus.LOCKED
            made.append(
                audit.create(
                    actor=actor,
                    obj=ReportingPeriod(
                        partnership=partnership,
                        kind=PeriodKind.QUARTER,
                        start=quarter.start,
                        end=quarter.end,
                        label=quarter.label,
                        status=status,
                    ),
                )
            )
    return made
