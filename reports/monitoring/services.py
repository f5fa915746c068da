"""Opening a funding agreement's monitoring reports on its schedule. A report is a Return with the
agreement set: once open, the returns' services carry it (save, submit, return, approve, reopen)
and their reminder job chases it. Keyword-only, validated, atomic, audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm.financial_calendar import due_after
from indicators.measurement.services.periods import period_open, periods_ensure_year
from indicators.models import FundingAgreement, PeriodStatus, ReportingPeriod
from partnerships import audit
from partnerships.access import check_same_partnership, scoped
from partnerships.models import Organisation

from ..models.returns import Return
from ..returns.services import return_prepare
from .schedule import period_kind, schedule_slots, within_agreement


def monitoring_report_open(
    *, actor, agreement: FundingAgreement, organisation: Organisation, period: ReportingPeriod
) -> Return:
    """Open one provider's report for one period of the agreement (or give the one already open).
    Refused, naming the field, for an organisation that does not provide the service, a period
    outside the agreement's dates, or a period of the wrong length for its schedule."""
    check_same_partnership(agreement.partnership, [organisation, period])
    if not agreement.providers.filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": f"{organisation} is not a provider in “{agreement}”, so it makes no monitoring report."}
        )
    if not within_agreement(agreement, period.start, period.end):
        raise ValidationError(
            {
                "period": f"{period.label} is outside the agreement, which runs from "
                f"{agreement.start_date:%-d %B %Y} to {agreement.end_date:%-d %B %Y}."
            }
        )
    if period.kind != period_kind(agreement):
        raise ValidationError(
            {
                "period": f"The agreement is monitored {agreement.get_schedule_display().lower()}, so choose a "
                f"{period_kind(agreement)}, not {period.label}."
            }
        )
    with transaction.atomic():
        found = Return.objects.filter(agreement=agreement, organisation=organisation, period=period).first()
        if found is not None:
            return found
        report = audit.create(
            actor=actor,
            obj=Return(
                partnership=agreement.partnership,
                agreement=agreement,
                organisation=organisation,
                period=period,
                due_date=due_after(period.end),
            ),
            action="return.open",
        )
        return return_prepare(actor=actor, return_=report)


def agreement_reports_open(*, actor, agreement: FundingAgreement, today: date) -> list[Return]:
    """Open every report due so far: each provider's for each period of the schedule that has begun
    by ``today``. Adds the partnership's periods where missing and opens those not open yet for
    figures (a locked one stays locked). Safe to run again (adds only what is missing)."""
    slots = [s for s in schedule_slots(agreement) if s.start <= today]
    if not slots:
        return []
    partnership = agreement.partnership
    opened = []
    with transaction.atomic():
        for year_start in sorted({s.year_start for s in slots}):
            periods_ensure_year(actor=actor, partnership=partnership, year_start=year_start)
        periods = {
            p.start: p
            for p in scoped(partnership, ReportingPeriod).filter(
                kind=period_kind(agreement), start__in=[s.start for s in slots]
            )
        }
        for period in periods.values():
            if period.status == PeriodStatus.NOT_OPEN:
                period_open(actor=actor, period=period)
        have = set(Return.objects.filter(agreement=agreement).values_list("organisation_id", "period__start"))
        for organisation in agreement.providers.filter(is_active=True).order_by("name"):
            for slot in slots:
                if (organisation.pk, slot.start) in have:
                    continue
                opened.append(
                    monitoring_report_open(
                        actor=actor, agreement=agreement, organisation=organisation, period=periods[slot.start]
                    )
                )
    return opened


def monitoring_reports_open_due(*, today: date) -> int:
    """The daily job: open the reports due for every running agreement of active partnerships."""
    count = 0
    agreements = FundingAgreement.objects.filter(
        partnership__is_active=True, start_date__lte=today, end_date__gte=today.replace(day=1)
    ).select_related("partnership")
    for agreement in agreements.order_by("pk"):
        count += len(agreement_reports_open(actor=None, agreement=agreement, today=today))
    return count
