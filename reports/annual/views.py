"""Annual report pages: the archive, starting a report, the web version. A job's progress, retry and
versions (every kind of report): ``reports.jobs.views``."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from aspm.forms import call_service
from partnerships.access import Perm
from partnerships.decorators import partnership_view
from reports.jobs.views import job_for
from reports.models import ReportJobStatus, ReportKind
from reports.review import TextReview

from . import selectors, services
from .forms import StartReportForm
from .kind import context_for
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


@partnership_view(need=Perm.VIEW)
def annual_job_web(request: HttpRequest, pk: int) -> HttpResponse:
    """The report's content as a web page, from today's data, with the job's choices."""
    job = job_for(request, pk)
    if job.kind != ReportKind.ANNUAL:  # the other kinds have no on-screen version here
        raise Http404("Only an annual report can be read on screen.")
    ctx = context_for(job, as_of=timezone.now())
    if job.for_publication:  # today's words: those flagged and not reviewed yet are left out, marked
        ctx.review = TextReview(job.partnership, ctx.disclosure, withhold_unreviewed=True)
    sections = build_sections(ctx)
    html = render_html(ctx, sections, template="reports/annual/web.html", extra={"job": job}, request=request)
    return HttpResponse(html)
