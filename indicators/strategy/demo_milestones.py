"""Demo: Northshire's five-year strategy period, a 2018/19 baseline for its victim-identification
counts, and milestones on the way to each one's target for the plan. Runs after the indicators are
seeded; running it again adds only what is missing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from aspm.financial_calendar import calendar_of

from ..measurement import services as measurement
from ..models import Indicator, Milestone, Rollup, Target, Unit
from . import services
from .period import strategy_period_of

BASELINE_YEAR = 2018  # 2018/19, the year before the partnership's first strategy
IDENTIFICATION = "O6-"  # the library's "identifying and referring victims" indicators
HOW_MANY = 4


def seed(world) -> None:
    demo = world.partnerships.get("northshire")
    if demo is None:
        return
    partnership, actor = demo.partnership, demo.people.get("coordinator")
    cal, today = calendar_of(partnership), timezone.localdate()
    with transaction.atomic():
        period = strategy_period_of(partnership)
        if period is None:
            first = cal.year_start(today).year - 1  # the year the figures start in
            services.strategy_period_set(actor=actor, partnership=partnership, start_year=first, end_year=first + 4)
            period = strategy_period_of(partnership)
        measurement.periods_ensure_year(
            actor=actor, partnership=partnership, year_start=cal.year_starting(BASELINE_YEAR)
        )
        for indicator in _identification_counts(partnership):
            _baseline_and_milestones(actor, indicator, period, cal.year_starting(BASELINE_YEAR))


def _identification_counts(partnership) -> list[Indicator]:
    found = Indicator.objects.filter(
        partnership=partnership,
        library_code__startswith=IDENTIFICATION,
        unit=Unit.COUNT,
        rollup=Rollup.FLOW,
        is_active=True,
    ).order_by("code")
    return list(found[:HOW_MANY])


def _baseline_and_milestones(actor, indicator: Indicator, period, baseline_start: date) -> None:
    """A 2018/19 baseline well below today's yearly target, and milestones that reach the target in the
    strategy's first year and go a fifth beyond it by its last."""
    plan = Target.objects.filter(indicator=indicator, period__isnull=True).values_list("value", flat=True).first()
    aim = Decimal(plan) if plan is not None else Decimal(40)  # a year's count, the plan's target
    baseline = (aim * Decimal("0.6")).quantize(Decimal(1))
    if indicator.baseline_date != baseline_start:
        measurement.indicator_update(
            actor=actor,
            indicator=indicator,
            baseline_value=baseline,
            baseline_date=baseline_start,
            baseline_span="year",
        )
    have = set(Milestone.objects.filter(indicator=indicator).values_list("due_on", flat=True))
    # The end of the strategy's first, third and last year.
    for year, share in ((period.start_year, "1"), (period.start_year + 2, "1.1"), (period.end_year, "1.2")):
        due = calendar_of(indicator.partnership).year_end(date(year, period.start.month, 1))
        if due in have:
            continue
        measurement.milestone_set(
            actor=actor,
            indicator=indicator,
            due_on=due,
            value=(aim * Decimal(share)).quantize(Decimal(1)),
            note="The partnership's count for the financial year ending on this date.",
        )
