"""Reporting periods derived from the partnership's financial year; opening and locking them."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aspm import hooks
from aspm.financial_calendar import add_months, calendar_of, due_after, month_end, year_label
from partnerships import audit
from partnerships.models import Partnership

from ...models import PeriodKind, PeriodStatus, ReportingPeriod


def year_start_for(partnership: Partnership, day: date) -> date:
    """First day of the financial year that contains ``day``."""
    return calendar_of(partnership).year_start(day)


def period_plan(partnership: Partnership, year_start: date) -> list[dict]:
    """The year, its four quarters and twelve months, as field values (not saved)."""
    cal = calendar_of(partnership)
    label, end = year_label(year_start), cal.year_end(year_start)
    plan = [{"kind": PeriodKind.YEAR, "start": year_start, "end": end, "label": label}]
    for quarter in cal.quarters_of_year(year_start):
        plan.append({"kind": PeriodKind.QUARTER, "start": quarter.start, "end": quarter.end, "label": quarter.label})
    for m in range(12):
        start = add_months(year_start, m)
        plan.append(
            {"kind": PeriodKind.MONTH, "start": start, "end": month_end(start), "label": start.strftime("%B %Y")}
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
    calendar_of(partnership).check_year(year_start.year, timezone.localdate())
    with transaction.atomic():
        existing = {
            (p.kind, p.start): p
            for p in ReportingPeriod.objects.filter(
                partnership=partnership, start__gte=year_start, start__lt=add_months(year_start, 12)
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
