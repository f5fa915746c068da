"""The "What changed since your last visit" panel of the home of board members and viewers
(listed in aspm/dashboard.py). Four queries whatever the size: each list is cut to a few rows."""

from __future__ import annotations

from django.db.models import Q

from actionplans.models import ActionStatusChange, ChangeKind
from partnerships.access import Perm, can, scoped
from partnerships.last_visit import since_last_visit
from reports.models import ReportVersion
from reports.models.returns import Return, ReturnStatus

SHOWN = 5


def since_panel(request) -> dict | None:
    membership = request.membership
    if not can(membership, Perm.VIEW):
        return None
    since = since_last_visit(request)
    if since is None:
        return {"template": "reports/home_since.html", "context": {"first_visit": True}}
    partnership = request.partnership
    changes = list(
        scoped(partnership, ActionStatusChange)
        .filter(kind=ChangeKind.STATUS, changed_at__gt=since)
        .select_related("action")
        .order_by("-changed_at", "-id")[: SHOWN + 1]
    )
    approved = scoped(partnership, Return).filter(status=ReturnStatus.APPROVED, approved_at__gt=since).count()
    reports = list(scoped(partnership, ReportVersion).filter(Q(created_at__gt=since)).order_by("-created_at")[:SHOWN])
    return {
        "template": "reports/home_since.html",
        "context": {
            "since": since,
            "changes": changes[:SHOWN],
            "more_changes": len(changes) > SHOWN,
            "approved": approved,
            "reports": reports,
            "nothing": not (changes or approved or reports),
        },
    }
