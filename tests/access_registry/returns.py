"""Access facts for the quarterly returns' URLs (see access_registry/__init__.py).

A return's own pages depend on the SPOC's organisation (their own: allowed; another's: 404), so
they are covered by tests/test_returns_access.py rather than the plain role matrix.
"""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.models import PeriodKind, ReportingPeriod
from partnerships.access import Perm
from reports.models import Return, ReturnAttachment
from reports.returns import services
from reports.returns.services import evidence

from ..cast import Side


def _period(side: Side) -> ReportingPeriod:
    period, _ = ReportingPeriod.objects.get_or_create(
        partnership=side.partnership,
        kind=PeriodKind.QUARTER,
        start=date(2026, 4, 1),
        defaults={"end": date(2026, 6, 30), "label": "2026/27 Q1", "status": "open"},
    )
    services.returns_open_for_period(actor=side.coordinator, period=period)
    return period


def _return(side: Side) -> Return:
    return Return.objects.get(organisation=side.police, period=_period(side))


def _attachment(side: Side) -> dict:
    return_ = _return(side)
    attachment = ReturnAttachment.objects.filter(return_obj=return_).first() or evidence.attachment_add(
        actor=side.spoc_police,
        return_=return_,
        uploaded=SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes of the June meeting"),
    )
    return {"pk": return_.pk, "attachment_pk": attachment.pk}


def _agreement(side: Side):
    from indicators.models import FundingAgreement
    from indicators.strategy import services as strategy

    found = FundingAgreement.objects.filter(partnership=side.partnership, title="Monitored service").first()
    return found or strategy.agreement_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title="Monitored service",
        funder_organisation=side.council,
        providers=[side.charity],
        purpose="Safe beds.",
        start_date=date(2026, 4, 1),
        end_date=date(2027, 3, 31),
        total_value="1000",
        schedule="monthly",
    )


OBJECT_KWARGS = {
    "reports:return_detail": lambda side: {"pk": _return(side).pk},
    "reports:return_autosave": lambda side: {"pk": _return(side).pk},
    "reports:return_section": lambda side: {"pk": _return(side).pk, "section": "narrative"},
    "reports:return_check": lambda side: {"pk": _return(side).pk},
    "reports:return_attachment_add": lambda side: {"pk": _return(side).pk},
    "reports:return_attachment": _attachment,
    "reports:return_attachment_delete": _attachment,
    "reports:return_approve": lambda side: {"pk": _return(side).pk},
    "reports:return_send_back": lambda side: {"pk": _return(side).pk},
    "reports:return_reopen": lambda side: {"pk": _return(side).pk},
    "reports:return_spreadsheet": lambda side: {"pk": _return(side).pk},
    "reports:return_spreadsheet_template": lambda side: {"pk": _return(side).pk},
    "reports:return_deadline": lambda side: {"period_pk": _period(side).pk},
    "reports:return_open_period": lambda side: {"period_pk": _period(side).pk},
    "reports:quarterly_report": lambda side: {"period_pk": _period(side).pk},
    "reports:quarterly_pdf": lambda side: {"period_pk": _period(side).pk},
    "reports:monitoring_open": lambda side: {"agreement_pk": _agreement(side).pk},
}

MATRIX = {
    "reports:returns": (Perm.VIEW, ("get",), None),
    "reports:return_deadline": (Perm.REVIEW_RETURNS, ("get", "post"), lambda side: {"due_date": "2026-08-28"}),
    "reports:return_open_period": (Perm.REVIEW_RETURNS, ("post",), None),
    "reports:quarterly_report": (Perm.VIEW_ALL_RETURNS, ("get",), None),
    "reports:quarterly_pdf": (Perm.START_REPORT, ("post",), None),
    "reports:monitoring_open": (Perm.REVIEW_RETURNS, ("post",), None),
}

OWN_TESTS = {
    name: "tests/test_returns_access.py"
    for name in (
        "reports:return_detail",
        "reports:return_autosave",
        "reports:return_section",
        "reports:return_check",
        "reports:return_attachment_add",
        "reports:return_attachment",
        "reports:return_attachment_delete",
        "reports:return_approve",
        "reports:return_send_back",
        "reports:return_reopen",
    )
} | {
    "reports:return_spreadsheet": "tests/test_returns_spreadsheet.py",
    "reports:return_spreadsheet_template": "tests/test_returns_spreadsheet.py",
}
