"""Asking for a funder's report from the agreement's page. The job's progress, Retry and the archived
versions are the report engine's pages (``reports.jobs.views``), as for every kind of report."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from aspm.errors import in_words
from indicators.models import FundingAgreement
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view
from reports.models import ReportJobStatus

from . import services


@partnership_view(need=Perm.VIEW)  # the agreement itself needs START_REPORT: another partnership's is a 404
@require_POST
def funder_report_start(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_for(request.membership, FundingAgreement, pk=pk, need=Perm.START_REPORT)
    back = redirect("strategy:agreement_detail", slug=request.partnership.slug, pk=agreement.pk)
    try:
        year_start = date.fromisoformat(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, "Choose the year of the agreement to report on.")
        return back
    try:
        job = services.funder_report_start(actor=request.user, agreement=agreement, year_start=year_start)
    except ValidationError as error:
        messages.error(request, in_words(error))
        return back
    if job.status == ReportJobStatus.REVIEW:
        messages.info(request, "Some of the providers' words need your decision before the report can go out.")
        return redirect("reports:publication_review", slug=request.partnership.slug, pk=job.pk)
    messages.success(request, f"The funder's report for {job.year_label} is being made.")
    return redirect("reports:annual_job", slug=request.partnership.slug, pk=job.pk)
