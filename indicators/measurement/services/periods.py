"""Reporting periods derived from the partnership's financial year; opening and locking them."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm import hooks
from partnerships import audit
from partnerships.models import Partnership

from ...models import PeriodKind, PeriodStatus, ReportingPeriod


def due_after(end: date) -> date:
    """Figures for a period are due one calendar month after it ends; a period ending on the last day
    of a month is due on the last day of the next (30 June -> 31 July; 31 December -> 31 January).
    The quarterly returns follow the same rule unless the coordinator moves a quarter's deadline."""
    year, month = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
    last = calendar.monthrange(year, month)[1]
    month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    return date(year, month, last if month_end else min(end.day, last))


def year_start_for(partnership: Partnership, day: date) -> date:
    """First day of the financial year that contains ``day``."""
    month = partnership.financial_year_start_month
    year = day.year if day.month >= month else day.year - 1
    return date(year, month, 1)


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def year_label(start: date) -> str:
    """ "2026/27" for a year starting in April 2026; "2026" when the year is the calendar year."""
    if start.month == 1:
        return str(start.year)
    return f"{start.year}/{(start.year + 1) % 100:02d}"


def period_plan(partnership: Partnership, year_start: date) -> list[dict]:
    """The year, its four quarters and twelve months, as field values (not saved)."""
    label = year_label(year_start)
    plan = [
        {
            "kind": PeriodKind.YEAR,
            "start": year_start,
            "end": _add_months(year_start, 12) - timedelta(days=1),
            "label": label,
        },
    ]
    for q in range(4):
        start = _add_months(year_start, 3 * q)
        plan.append(
            {
                "kind": PeriodKind.QUARTER,
                "start": start,
                "end": _month_end(_add_months(start, 2)),
                "label": f"{label} Q{q + 1}",
            }
        )
    for m in range(12):
        start = _add_months(year_start, m)
        plan.append(
            {"kind": PeriodKind.MONTH, "start": start, "end": _month_end(start), "label": start.strftime("%B %Y")}
        )
    for row in plan:
        row["due_date"] = due_after(row["end"])
    return plan


def periods_ensure_year(*, actor, partnership: Partnership, year_start: date) -> list[ReportingPeriod]:
    """Add the financial year starting ``year_start`` (and its quarters and months) where missing."""
    if year_start.day != 1 or year_start.month != partnership.financial_year_start_month:
        raise ValidationError(
            {"year_start": "A financial year starts on the 1st of the partnership's first month of the year."}
        )
    with transaction.atomic():
        existing = {
            (p.kind, p.start): p
            for p in ReportingPeriod.objects.filter(
                partnership=partnership, start__gte=year_start, start__lt=_add_months(year_start, 12)
            )
        }
        made = []
        for row in period_plan(partnership, year_start):
            if (row["kind"], row["start"]) in existing:
                continue
            made.append(audit.create(actor=actor, obj=ReportingPeriod(partnership=partnership, **row)))
    return made


@transaction.atomic
def period_open(*, actor, period: ReportingPeriod) -> ReportingPeriod:
    """Open a period for figures; other apps act on it in this transaction (hook ``period_opened``)."""
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.status == PeriodStatus.OPEN:
        raise ValidationError(f"{period.label} is already open.")
    if period.status == PeriodStatus.LOCKED:
        raise ValidationError(f"{period.label} is locked; figures change only through a correction.")
    audit.update(actor=actor, obj=period, values={"status": PeriodStatus.OPEN}, action="reportingperiod.open")
    hooks.run("period_opened", actor=actor, period=period)
    return period


def period_set_due_date(*, actor, period: ReportingPeriod, due_date: date) -> ReportingPeriod:
    """Move when the period's figures are due (the returns app calls this when a quarter's deadline moves)."""
    if due_date <= period.end:
        raise ValidationError({"due_date": f"Choose a date after the period ends ({period.end:%-d %B %Y})."})
    return audit.update(actor=actor, obj=period, values={"due_date": due_date})


@transaction.atomic
def period_lock(*, actor, period: ReportingPeriod) -> ReportingPeriod:
    """Lock an open period: its figures are final except for recorded corrections."""
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.status != PeriodStatus.OPEN:
        raise ValidationError(
            f"Only an open period can be locked; {period.label} is {period.get_status_display().lower()}."
        )
    return audit.update(actor=actor, obj=period, values={"status": PeriodStatus.LOCKED}, action="reportingperiod.lock")
