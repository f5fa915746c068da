"""The home page panel of the quarterly returns (listed in aspm/dashboard.py PANELS)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from partnerships.access import Perm, can, scoped

from ..models.returns import EDITABLE_STATUSES, Return, ReturnStatus
from .selectors import returns_visible_to


def home_panel(request) -> dict | None:
    membership = request.membership
    today = timezone.localdate()
    if can(membership, Perm.REVIEW_RETURNS):
        counts = scoped(request.partnership, Return).aggregate(
            waiting=Count("id", filter=Q(status=ReturnStatus.SUBMITTED)),
            late=Count("id", filter=Q(status__in=EDITABLE_STATUSES, due_date__lt=today)),
        )
        return {"template": "reports/returns/panel.html", "context": {"reviewer": True, **counts}}
    if membership.organisation_id and can(membership, Perm.SUBMIT_OWN_RETURN, organisation=membership.organisation):
        open_returns = list(
            returns_visible_to(membership).filter(status__in=EDITABLE_STATUSES).order_by("due_date")[:3]
        )
        return {
            "template": "reports/returns/panel.html",
            "context": {"reviewer": False, "open_returns": open_returns, "today": today},
        }
    return None
