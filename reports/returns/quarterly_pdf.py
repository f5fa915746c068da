"""The quarterly report's PDF as a kind of report job (``reports.jobs``): a ``ReportJob`` of kind
"quarterly" whose year fields hold the quarter. The engine queues, renders (WeasyPrint, PDF/UA),
archives one immutable version and shows the progress page; this module starts such a job and gives
the engine the report's HTML and the words a version for publication prints (``QUARTERLY``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone

from indicators.models import PeriodKind, PeriodStatus, ReportingPeriod
from partnerships.access import scoped
from reports.jobs.kinds import Kind
from reports.jobs.pdf import no_progress
from reports.jobs.services import job_start
from reports.models import ReportJob, ReportKind, ReportStage
from reports.review import TextReview

from .quarterly import quarterly_report


def quarterly_job_start(*, actor, period: ReportingPeriod, for_publication: bool = False) -> ReportJob:
    """Record the request for the quarter's PDF and queue it once the transaction commits. A version
    for publication waits for the free-text review first (``publication_review_finish`` queues it)."""
    if period.kind != PeriodKind.QUARTER:
        raise ValidationError("Quarterly reports are made for quarters only.")
    if period.status == PeriodStatus.NOT_OPEN:
        raise ValidationError(f"{period.label} is not open yet, so there is nothing to report.")
    return job_start(
        actor=actor,
        job=ReportJob(
            partnership=period.partnership,
            kind=ReportKind.QUARTERLY,
            year_start=period.start,
            year_end=period.end,
            year_label=period.label,
            sections=["quarterly"],  # the field may not be blank; annual sections do not apply
            for_publication=for_publication,
        ),
    )


def jobs_for(period: ReportingPeriod):
    """The quarter's PDF jobs, newest first, with their versions (one query)."""
    return (
        scoped(period.partnership, ReportJob)
        .filter(kind=ReportKind.QUARTERLY, year_start=period.start, year_end=period.end)
        .select_related("version", "requested_by")
        .order_by("-created_at")[:10]
    )


def quarterly_html(job: ReportJob, *, progress=no_progress, timings=None):
    """The report's HTML for the PDF, and the moment its data was read."""
    period = (
        scoped(job.partnership, ReportingPeriod)
        .filter(kind=PeriodKind.QUARTER, start=job.year_start, end=job.year_end)
        .get()
    )
    progress(ReportStage.GATHERING, 20)
    report = quarterly_report(job.partnership, period, for_publication=job.for_publication)
    if report.review is not None:  # a version for publication prints only reviewed words
        report.review.check()
    progress(ReportStage.GATHERING, 50)
    html = render_to_string("reports/returns/quarterly_pdf.html", {"report": report, "partnership": job.partnership})
    return html, report.as_of or timezone.now()


def quarterly_review(job: ReportJob, policy) -> TextReview:
    """The free text a version for publication of the quarter's report would print, for the review."""
    period = (
        scoped(job.partnership, ReportingPeriod)
        .filter(kind=PeriodKind.QUARTER, start=job.year_start, end=job.year_end)
        .first()
    )
    if period is None:  # the quarter's dates changed since the job was asked for: nothing to review
        return TextReview(job.partnership, policy)
    return quarterly_report(job.partnership, period, for_publication=True, narratives_only=True).review


QUARTERLY = Kind(
    key=ReportKind.QUARTERLY,
    html=quarterly_html,
    review=quarterly_review,
    back=("Quarterly returns", "reports:returns"),
)
