"""A report job's pages, for every kind of report (the annual report, the quarterly PDF): its
progress, Retry, and the archived versions. URL names keep their first (annual) names."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aspm.uploads import file_response
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view
from reports.models import ReportJob, ReportJobStatus, ReportVersion

from . import services
from .services.engine import is_stalled


def job_for(request, pk: int, need: Perm = Perm.DOWNLOAD_REPORT) -> ReportJob:
    return get_object_for(request.membership, ReportJob.objects.select_related("requested_by"), pk=pk, need=need)


def _job_context(job: ReportJob) -> dict:
    version = ReportVersion.objects.filter(job=job).first()
    polling = not job.is_finished and job.status != ReportJobStatus.REVIEW
    return {"job": job, "version": version, "polling": polling, "stalled": is_stalled(job)}


@partnership_view(need=Perm.VIEW)
def annual_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = job_for(request, pk)
    return render(request, "reports/annual/job.html", _job_context(job))


@partnership_view(need=Perm.VIEW)
def annual_job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress panel alone: htmx swaps it in every second until the job has finished."""
    job = job_for(request, pk)
    response = render(request, "reports/annual/_progress.html", _job_context(job))
    response["Cache-Control"] = "no-store"
    return response


@partnership_view(need=Perm.VIEW)
@require_POST
def annual_job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = job_for(request, pk, need=Perm.START_REPORT)
    try:
        services.report_retry(actor=request.user, job=job)
        messages.success(request, "The report is queued again.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:annual_job", slug=request.partnership.slug, pk=job.pk)


@partnership_view(need=Perm.VIEW)
def annual_version(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_object_for(
        request.membership,
        ReportVersion.objects.select_related("requested_by", "job"),
        pk=pk,
        need=Perm.DOWNLOAD_REPORT,
    )
    return render(request, "reports/annual/version.html", {"version": version})


@partnership_view(need=Perm.VIEW)
def annual_version_download(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_object_for(request.membership, ReportVersion, pk=pk, need=Perm.DOWNLOAD_REPORT)
    if not version.file.storage.exists(version.file.name):
        raise Http404("The archived file is missing.")
    return file_response(version.file, download_name=version.download_name)
