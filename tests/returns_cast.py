"""Helpers for the quarterly return tests: quarters, indicators and returns for the cast.

Partnership A ("Northvale") reports on a financial year from April. ``quarter(side)`` is
2026/27 Q1 (April to June 2026), due by default on 31 July 2026.
"""

from __future__ import annotations

from datetime import date

from aspm import hooks
from indicators.models import Indicator, PeriodKind, PeriodStatus, ReportingPeriod, Unit
from reports.models import Return
from reports.returns import services

from .cast import Side

NARRATIVE = {
    "progress": "Two joint visits to hand car washes; nine workers spoken to.",
    "problems": "The interpreter booking took three weeks.",
    "priorities": "Train the new response officers.",
    "points_for_action": "The board to agree a shared interpreter contract.",
}


def quarter(side: Side, start: date = date(2026, 4, 1), *, label: str | None = None) -> ReportingPeriod:
    """A quarterly period (not opened yet)."""
    end_month = start.month + 2
    end = date(start.year, end_month, {3: 31, 6: 30, 9: 30, 12: 31}[end_month])
    q = {4: 1, 7: 2, 10: 3, 1: 4}[start.month]
    fy = start.year if start.month >= 4 else start.year - 1
    return ReportingPeriod.objects.create(
        partnership=side.partnership,
        kind=PeriodKind.QUARTER,
        start=start,
        end=end,
        label=label or f"{fy}/{str(fy + 1)[-2:]} Q{q}",
        status=PeriodStatus.NOT_OPEN,
    )


def open_period(side: Side, period: ReportingPeriod) -> None:
    """What the indicators app's "open the period" service does: mark it open and run the hook."""
    period.status = PeriodStatus.OPEN
    period.save()
    hooks.run("period_opened", actor=side.coordinator, period=period)


def indicator(side: Side, code: str, *, unit: str = Unit.COUNT, reporters=(), disaggregation=(), **extra) -> Indicator:
    ind = Indicator.objects.create(
        partnership=side.partnership,
        code=code,
        name=extra.pop("name", f"Indicator {code}"),
        unit=unit,
        disaggregation=list(disaggregation),
        **extra,
    )
    ind.reporting_organisations.set(reporters)
    # what indicator_create does: the reporters' open returns stage a row for it (hook reporting_changed)
    hooks.run("reporting_changed", actor=None, partnership=side.partnership, organisations=list(reporters))
    return ind


def the_return(side: Side, organisation, period: ReportingPeriod) -> Return:
    return Return.objects.get(organisation=organisation, period=period)


def police_return(side: Side, period: ReportingPeriod | None = None) -> Return:
    """Partnership's police return for a fresh, opened quarter."""
    period = period or quarter(side)
    open_period(side, period)
    return the_return(side, side.police, period)


def submitted(side: Side, return_: Return, actor=None) -> Return:
    actor = actor or side.spoc_police
    services.return_save_draft(actor=actor, return_=return_, narrative=NARRATIVE)
    services.return_submit(actor=actor, return_=return_)
    return_.refresh_from_db()
    return return_
