"""The annual report as a kind of report job (``reports.jobs.kinds``): its context from the job, its
HTML made of the chosen sections, and the free text a version for publication prints."""

from __future__ import annotations

from django.utils import timezone

from reports.jobs.kinds import Kind
from reports.jobs.pdf import Timings, no_progress
from reports.models import ReportJob, ReportKind
from reports.review import TextReview

from .registry import all_sections
from .render import build_sections, render_html
from .sections.base import ReportContext
from .years import FinancialYear

# The sections of the annual report that print free text (front.FOREWORD and front.LEARNING are
# always there when written; the others only when chosen).
TEXT_SECTIONS = ("foreword", "partners", "outcomes", "learning")


def context_for(job: ReportJob, *, as_of=None) -> ReportContext:
    return ReportContext(
        partnership=job.partnership,
        year=FinancialYear(job.year_start, job.year_end),
        as_of=as_of or timezone.now(),
        for_publication=job.for_publication,
        foreword=job.foreword,
        learning=job.learning,
        next_year_changes=job.next_year_changes,
        section_keys=list(job.sections),
        requested_by=str(job.requested_by or ""),
    )


def annual_html(job: ReportJob, *, progress=no_progress, timings: Timings | None = None):
    """The report's HTML for the PDF, and the moment its data was read."""
    ctx = context_for(job)
    sections = build_sections(ctx, progress=progress, timings=timings)
    if ctx.review is not None:  # a version for publication prints only reviewed words
        ctx.review.check()
    return render_html(ctx, sections, template="reports/annual/pdf.html"), ctx.as_of


def annual_review(job: ReportJob, policy) -> TextReview:
    """The free text a version for publication would print, gathered by the sections' own code, so the
    review lists exactly what the render prints. A fixed number of queries whatever the size."""
    ctx = context_for(job)
    ctx.for_publication, ctx.policy = True, policy
    ctx.review = TextReview(job.partnership, policy)
    chosen = set(job.sections)
    for section in all_sections():
        if section.key in TEXT_SECTIONS and (not section.choosable or section.key in chosen):
            section.gather(ctx)
    return ctx.review


ANNUAL = Kind(
    key=ReportKind.ANNUAL,
    html=annual_html,
    review=annual_review,
    back=("Annual reports", "reports:annual_list"),
)
