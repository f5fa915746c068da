"""Reads of annual report jobs and versions, scoped to one partnership, in a constant number of queries.
The free-text review of any job: ``reports.jobs.selectors``."""

from __future__ import annotations

from partnerships.access import scoped
from reports.models import ReportJob, ReportKind, ReportVersion


def report_jobs(partnership, *, limit: int = 50):
    jobs = scoped(partnership, ReportJob).filter(kind=ReportKind.ANNUAL)
    return jobs.select_related("requested_by", "version").order_by("-created_at")[:limit]


def report_versions(partnership):
    versions = scoped(partnership, ReportVersion).filter(kind=ReportKind.ANNUAL)
    return versions.select_related("requested_by").order_by("-year_start", "-number")
