"""Reads of an agreement's funder's reports."""

from __future__ import annotations

from indicators.models import FundingAgreement
from partnerships.access import scoped
from reports.models import ReportJob, ReportKind


def jobs_for(agreement: FundingAgreement, *, limit: int = 20):
    """The agreement's funder's reports, newest first, each with its archived version if made. One query."""
    return list(
        scoped(agreement.partnership, ReportJob)
        .filter(kind=ReportKind.FUNDER, agreement=agreement)
        .select_related("version", "requested_by")
        .order_by("-created_at", "-id")[:limit]
    )
