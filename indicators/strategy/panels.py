"""The strategy panel of the partnership home page (listed in aspm/dashboard.py PANELS)."""

from __future__ import annotations

from django.db.models import Count, F, Q
from django.utils import timezone

from aspm import data_version
from partnerships.access import Perm, can, scoped

from ..models import DevelopmentGoal, GoalStatus, Risk, RiskStatus
from . import selectors


def plan_panel(request) -> dict | None:
    if not can(request.membership, Perm.VIEW):
        return None
    # The same for every member: kept until the partnership's data changes (or the day does).
    partnership = request.partnership
    today = timezone.localdate()
    return data_version.cached(partnership, "home-plan-panel", lambda: _plan_panel(partnership, today), parts=[today])


def _plan_panel(partnership, today) -> dict:
    objectives = selectors.objectives_with_smart(partnership)
    open_risks = (
        scoped(partnership, Risk).exclude(status=RiskStatus.CLOSED).annotate(score=F("likelihood") * F("impact"))
    )
    risks = open_risks.aggregate(
        total=Count("id"),
        severe=Count("id", filter=Q(score__gte=15)),
        overdue=Count("id", filter=Q(review_date__lt=today)),
    )
    goals = scoped(partnership, DevelopmentGoal).aggregate(
        total=Count("id"), done=Count("id", filter=Q(status=GoalStatus.DONE))
    )
    return {
        "template": "strategy/_panel.html",
        "context": {
            "objectives": len(objectives),
            "flagged": sum(1 for o in objectives if o.failing),
            "risks": risks,
            "goals": goals,
        },
    }
