"""Reads of report jobs and versions, scoped to one partnership, in a constant number of queries."""

from __future__ import annotations

from partnerships.access import scoped
from reports.models import ReportJob, ReportKind, ReportVersion


def report_jobs(partnership, *, limit: int = 50):
    jobs = scoped(partnership, ReportJob).filter(kind=ReportKind.ANNUAL)
    return jobs.select_related("requested_by", "version").order_by("-created_at")[:limit]


def report_versions(partnership):
    versions = scoped(partnership, ReportVersion).filter(kind=ReportKind.ANNUAL)
    return versions.select_related("requested_by").order_by("-year_start", "-number")


# The sections of the annual report that print free text (front.FOREWORD and front.LEARNING are
# always there when written; the others only when chosen).
TEXT_SECTIONS = ("foreword", "partners", "outcomes", "learning")


def publication_review(job: ReportJob):
    """The free text a version for publication of ``job`` would print, scanned, with the decisions
    made so far (``reports.review.TextReview``): gathered by the report's own code, so the review
    lists exactly what the render prints. A fixed number of queries whatever the size."""
    from partnerships.selectors import disclosure_policy
    from reports.review import TextReview

    policy = disclosure_policy(job.partnership)
    if job.kind == ReportKind.QUARTERLY:
        from indicators.models import PeriodKind, ReportingPeriod
        from reports.returns.quarterly import quarterly_report

        period = (
            scoped(job.partnership, ReportingPeriod)
            .filter(kind=PeriodKind.QUARTER, start=job.year_start, end=job.year_end)
            .first()
        )
        if period is None:  # the quarter's dates changed since the job was asked for: nothing to review
            return TextReview(job.partnership, policy)
        return quarterly_report(job.partnership, period, for_publication=True, narratives_only=True).review
    from .jobs import context_for
    from .registry import all_sections

    ctx = context_for(job)
    ctx.for_publication, ctx.policy = True, policy
    ctx.review = TextReview(job.partnership, policy)
    chosen = set(job.sections)
    for section in all_sections():
        if section.key in TEXT_SECTIONS and (not section.choosable or section.key in chosen):
            section.gather(ctx)
    return ctx.review
