"""The SPOC's main card on their home (listed in aspm/dashboard.py): their organisation's return
that is due next, its status and due date, and the button that opens it. Two queries."""

from __future__ import annotations

from django.utils import timezone

from partnerships.access import Perm, can

from .models.returns import EDITABLE_STATUSES
from .returns.selectors import returns_visible_to


def your_return_panel(request) -> dict | None:
    membership = request.membership
    if not (
        membership.organisation_id and can(membership, Perm.SUBMIT_OWN_RETURN, organisation=membership.organisation)
    ):
        return None
    mine = returns_visible_to(membership)
    due = mine.filter(status__in=EDITABLE_STATUSES).order_by("due_date")[:4]
    due = list(due)
    latest = None if due else mine.order_by("-period__start").first()
    return {
        "template": "reports/home_return.html",
        "context": {
            "current": due[0] if due else None,
            "others": due[1:],
            "latest": latest,
            "today": timezone.localdate(),
        },
    }
