"""Reads of report jobs and versions, scoped to one partnership, in a constant number of queries."""

from __future__ import annotations

from partnerships.access import scoped
from reports.models import ReportJob, ReportVersion


def report_jobs(partnership, *, limit: int = 50):
    return scoped(partnership, ReportJob).select_related("requested_by", "version").order_by("-created_at")[:limit]


def report_versions(partnership):
    return scoped(partnership, ReportVersion).select_related("requested_by").order_by("-year_start", "-number")
