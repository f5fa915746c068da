"""The quarterly report for the board: a page per quarter, and its PDF made by a report job."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from indicators.models import PeriodKind, ReportingPeriod
from partnerships.access import Perm, can, get_object_for, scoped
from partnerships.decorators import partnership_view

from .. import quarterly_pdf
from ..quarterly import quarterly_report


def _quarter(request, period_pk: int, need=Perm.VIEW_ALL_RETURNS) -> ReportingPeriod:
    quarters = ReportingPeriod.objects.filter(kind=PeriodKind.QUARTER)
    return get_object_for(request.membership, quarters, pk=period_pk, need=need)


@partnership_view(need=Perm.VIEW)
def quarterly_report_page(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = _quarter(request, period_pk)
    quarters = scoped(request.partnership, ReportingPeriod).filter(kind=PeriodKind.QUARTER).order_by("-start")
    return render(
        request,
        "reports/returns/quarterly.html",
        {
            "report": quarterly_report(request.partnership, period),
            "quarters": quarters,
            "can_make_pdf": can(request.membership, Perm.START_REPORT),
            "jobs": quarterly_pdf.jobs_for(period),
        },
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def quarterly_report_pdf(request: HttpRequest, period_pk: int) -> HttpResponse:
    """Ask for the PDF: a report job of the annual report engine, followed on its progress page."""
    period = _quarter(request, period_pk, need=Perm.START_REPORT)
    publication = request.POST.get("for_publication") == "1"
    try:
        job = quarterly_pdf.quarterly_job_start(actor=request.user, period=period, for_publication=publication)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:quarterly_report", slug=request.partnership.slug, period_pk=period.pk)
    if publication:
        return redirect("reports:publication_review", slug=request.partnership.slug, pk=job.pk)
    messages.success(request, f"The PDF of the {period.label} report is being made.")
    return redirect("reports:annual_job", slug=request.partnership.slug, pk=job.pk)
