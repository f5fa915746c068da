"""Annual report pages: the archive, starting a report, its progress, downloads, the web version."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aspm.forms import call_service
from aspm.uploads import file_response
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view
from reports.models import ReportJob, ReportJobStatus, ReportVersion
from reports.review import TextReview

from . import jobs, selectors, services
from .forms import StartReportForm
from .render import build_sections, render_html


@partnership_view(need=Perm.DOWNLOAD_REPORT)
def annual_list(request: HttpRequest) -> HttpResponse:
    context = {
        "versions": list(selectors.report_versions(request.partnership)),
        "jobs": [j for j in selectors.report_jobs(request.partnership) if j.status != "done"],
    }
    return render(request, "reports/annual/list.html", context)


@partnership_view(need=Perm.START_REPORT)
def annual_start(request: HttpRequest) -> HttpResponse:
    form = StartReportForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, job = call_service(
            form, services.report_start, actor=request.user, partnership=request.partnership, **form.cleaned_data
        )
        if ok and job.status == ReportJobStatus.REVIEW:  # a version for publication: review its words first
            return redirect("reports:publication_review", slug=request.partnership.slug, pk=job.pk)
        if ok:
            return redirect("reports:annual_job", slug=request.partnership.slug, pk=job.pk)
    return render(request, "reports/annual/start.html", {"form": form})


def _job(request, pk: int, need: Perm = Perm.DOWNLOAD_REPORT) -> ReportJob:
    return get_object_for(request.membership, ReportJob.objects.select_related("requested_by"), pk=pk, need=need)


def _job_context(job: ReportJob) -> dict:
    version = ReportVersion.objects.filter(job=job).first()
    polling = not job.is_finished and job.status != ReportJobStatus.REVIEW
    return {"job": job, "version": version, "polling": polling, "stalled": jobs.is_stalled(job)}


@partnership_view(need=Perm.VIEW)
def annual_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    return render(request, "reports/annual/job.html", _job_context(job))


@partnership_view(need=Perm.VIEW)
def annual_job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress panel alone: htmx swaps it in every second until the job has finished."""
    job = _job(request, pk)
    response = render(request, "reports/annual/_progress.html", _job_context(job))
    response["Cache-Control"] = "no-store"
    return response


@partnership_view(need=Perm.VIEW)
@require_POST
def annual_job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk, need=Perm.START_REPORT)
    try:
        services.report_retry(actor=request.user, job=job)
        messages.success(request, "The report is queued again.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:annual_job", slug=request.partnership.slug, pk=job.pk)


@partnership_view(need=Perm.VIEW)
def annual_job_web(request: HttpRequest, pk: int) -> HttpResponse:
    """The report's content as a web page, from today's data, with the job's choices."""
    job = _job(request, pk)
    ctx = jobs.context_for(job, as_of=timezone.now())
    if job.for_publication:  # today's words: those flagged and not reviewed yet are left out, marked
        ctx.review = TextReview(job.partnership, ctx.disclosure, withhold_unreviewed=True)
    sections = build_sections(ctx)
    html = render_html(ctx, sections, template="reports/annual/web.html", extra={"job": job}, request=request)
    return HttpResponse(html)


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
