"""The coordinator's "Waiting for you" panel (listed in aspm/dashboard.py): returns to approve,
overdue actions and risks due for review, each with the first few and a link to all. Five queries,
then none until the partnership's data changes."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from actionplans import selectors as actions
from actionplans.models import Action
from aspm import data_version
from indicators.models import Risk, RiskStatus
from partnerships.access import Perm, can, scoped
from reports.models.returns import EDITABLE_STATUSES, Return, ReturnStatus

SHOWN = 5


def waiting_panel(request) -> dict | None:
    membership = request.membership
    if not can(membership, Perm.REVIEW_RETURNS):
        return None
    partnership = request.partnership
    today = timezone.localdate()
    # The same for every coordinator: kept until the partnership's data changes, or the day does.
    return data_version.cached(partnership, "home-waiting", lambda: _waiting(partnership, today), parts=[today])


def _waiting(partnership, today) -> dict:
    returns = scoped(partnership, Return)
    counts = returns.aggregate(
        waiting=Count("id", filter=Q(status=ReturnStatus.SUBMITTED)),
        late=Count("id", filter=Q(status__in=EDITABLE_STATUSES, due_date__lt=today)),
    )
    to_approve = list(
        returns.filter(status=ReturnStatus.SUBMITTED)
        .select_related("organisation", "period")
        .order_by("submitted_at", "pk")[:SHOWN]
    )
    overdue = actions.status_counts(scoped(partnership, Action))["overdue"]
    due_risks = scoped(partnership, Risk).exclude(status=RiskStatus.CLOSED).filter(review_date__lte=today)
    risks = list(due_risks.order_by("review_date", "title")[:SHOWN])
    risk_count = due_risks.count()
    return {
        "template": "reports/home_waiting.html",
        "context": {
            **counts,
            "to_approve": to_approve,
            "overdue": overdue,
            "risks": risks,
            "risk_count": risk_count,
            "nothing": not (counts["waiting"] or counts["late"] or overdue or risks),
        },
    }
