"""The funder's report as a kind of report job (``reports.jobs.kinds``): its context from the job, its
HTML made of its sections, and the free text it prints, for the review before it is made."""

from __future__ import annotations

import time

from django.template.loader import render_to_string
from django.utils import timezone

from indicators.measurement.selectors import ResultsFilter
from reports.jobs.kinds import Kind
from reports.jobs.pdf import Timings, no_progress
from reports.models import ReportJob, ReportKind, ReportStage
from reports.review import TextReview

from ..annual.sections.base import RenderedSection, ReportContext
from ..annual.years import FinancialYear
from .sections import SECTIONS, TEXT_SECTIONS


def context_for(job: ReportJob, *, as_of=None) -> ReportContext:
    ctx = ReportContext(
        partnership=job.partnership,
        year=FinancialYear(job.year_start, job.year_end),
        as_of=as_of or timezone.now(),
        for_publication=True,  # it goes to the funder, outside the partnership
        requested_by=str(job.requested_by or ""),
        results_filter=ResultsFilter(agreement=job.agreement_id),
    )
    ctx.notes["agreement_id"] = job.agreement_id
    return ctx


def build(ctx: ReportContext, *, progress=no_progress, timings: Timings | None = None) -> list[RenderedSection]:
    timings = timings or Timings()
    started = time.perf_counter()
    rendered = []
    for i, section in enumerate(SECTIONS):
        data = section.gather(ctx)
        if data is not None:
            rendered.append(RenderedSection(section, data))
        progress(ReportStage.GATHERING, 5 + int(35 * (i + 1) / len(SECTIONS)))
    timings.gather = time.perf_counter() - started
    started = time.perf_counter()
    for item in rendered:
        if item.section.draw:
            item.data = item.section.draw(ctx, item.data)
    progress(ReportStage.CHARTS, 55)
    timings.charts = time.perf_counter() - started
    return rendered


def funder_html(job: ReportJob, *, progress=no_progress, timings: Timings | None = None):
    """The report's HTML for the PDF, and the moment its data was read."""
    ctx = context_for(job)
    sections = build(ctx, progress=progress, timings=timings)
    if ctx.review is not None:  # prints only reviewed words
        ctx.review.check()
    contents = [s for s in sections if s.section.in_contents]
    html = render_to_string(
        "reports/funder/pdf.html",
        {"report": ctx, "sections": sections, "contents": contents, "agreement": ctx.notes["agreement"]},
    )
    return html, ctx.as_of


def funder_review(job: ReportJob, policy) -> TextReview:
    """The free text the report would print, gathered by its sections' own code."""
    ctx = context_for(job)
    ctx.policy = policy
    ctx.review = TextReview(job.partnership, policy)
    for section in TEXT_SECTIONS:
        section.gather(ctx)
    return ctx.review


FUNDER = Kind(
    key=ReportKind.FUNDER,
    html=funder_html,
    review=funder_review,
    back=("Funding agreements", "strategy:agreements"),
)
