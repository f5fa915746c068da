"""Reads of report jobs of any kind."""

from __future__ import annotations

from partnerships.selectors import disclosure_policy
from reports.models import ReportJob
from reports.review import TextReview

from .kinds import kind_of


def publication_review(job: ReportJob) -> TextReview:
    """The free text a version for publication of ``job`` would print, scanned, with the decisions made
    so far (``reports.review.TextReview``): gathered by the report kind's own code, so the review lists
    exactly what the render prints. A fixed number of queries whatever the size."""
    return kind_of(job).review(job, disclosure_policy(job.partnership))
