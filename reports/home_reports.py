"""The "Latest reports" panel of the home of board members and viewers (listed in aspm/dashboard.py):
the newest annual and quarterly report, each with a direct Download link. Three queries."""

from __future__ import annotations

from partnerships.access import Perm, can, scoped
from partnerships.models import Membership, Role
from reports.models import ReportKind, ReportVersion


def _latest(partnership, kind: str) -> ReportVersion | None:
    return scoped(partnership, ReportVersion).filter(kind=kind).order_by("-year_start", "-number").first()


def reports_panel(request) -> dict | None:
    membership = request.membership
    if not can(membership, Perm.DOWNLOAD_REPORT):
        return None
    partnership = request.partnership
    annual = _latest(partnership, ReportKind.ANNUAL)
    quarterly = _latest(partnership, ReportKind.QUARTERLY)
    coordinators = []
    if annual is None or quarterly is None:  # say who makes them
        coordinators = [
            m.user.full_name
            for m in scoped(partnership, Membership).filter(role=Role.COORDINATOR).select_related("user")[:3]
        ]
    return {
        "template": "reports/home_reports.html",
        "context": {"annual": annual, "quarterly": quarterly, "coordinators": coordinators},
    }
