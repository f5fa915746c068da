"""When a quarter's returns are due: the default (the periods' own rule) and the coordinator's date."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from aspm.financial_calendar import due_after
from indicators.measurement.services.periods import period_set_due_date
from indicators.models import PeriodKind, ReportingPeriod
from partnerships import audit

from ...models.returns import Return, ReturnDeadline


def default_due_date(period: ReportingPeriod) -> date:
    """One calendar month after the quarter ends (the periods' own rule: ``due_after``)."""
    return due_after(period.end)


def due_date_for(period: ReportingPeriod) -> date:
    deadline = ReturnDeadline.objects.filter(period=period).first()
    return deadline.due_date if deadline else default_due_date(period)


def return_deadline_set(*, actor, period: ReportingPeriod, due_date: date, reason: str = "") -> ReturnDeadline:
    """Change when every return of this quarter is due (open returns follow at once)."""
    if period.kind != PeriodKind.QUARTER:
        raise ValidationError("Returns are made for quarters only.")
    if due_date <= period.end:
        raise ValidationError({"due_date": f"Choose a date after the quarter ends ({period.end:%-d %B %Y})."})
    with transaction.atomic():
        deadline = ReturnDeadline.objects.select_for_update().filter(period=period).order_by("pk").first()
        if deadline is None:
            deadline = audit.create(
                actor=actor,
                obj=ReturnDeadline(
                    partnership=period.partnership, period=period, due_date=due_date, reason=reason, set_by=actor
                ),
            )
        else:
            audit.update(actor=actor, obj=deadline, values={"due_date": due_date, "reason": reason, "set_by": actor})
        Return.objects.filter(period=period, agreement__isnull=True).update(due_date=due_date, version=F("version") + 1)
        period_set_due_date(actor=actor, period=period, due_date=due_date)  # the periods page shows it too
    return deadline


