"""Things on a role's home: reports made, returns sent, actions changed, risks due (tests/test_role_homes.py)."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from actionplans import services as actions
from indicators.strategy.services.risks import risk_create
from partnerships import services
from reports.models import ReportKind, ReportVersion
from reports.models.returns import Return

from .access_registry.reports import make_version
from .cast import Side
from .returns_cast import open_period, quarter, submitted


def a_report(side: Side, kind: str = ReportKind.ANNUAL) -> ReportVersion:
    version = make_version(side)
    if kind != ReportKind.ANNUAL:  # versions are written once: the kind is set on the row, as the engine does
        ReportVersion.objects.filter(pk=version.pk).update(kind=kind)
        version.refresh_from_db()
    return version


def a_submitted_return(side: Side) -> Return:
    today = timezone.localdate()
    period = quarter(side, date(today.year, ((today.month - 1) // 3) * 3 + 1, 1))
    open_period(side, period)
    return submitted(side, Return.objects.get(organisation=side.police, period=period), actor=side.spoc_police)


def grow(side: Side, start: int, n: int) -> None:
    """``n`` more organisations, each with an overdue action whose status changed, a risk due for
    review, and a report version."""
    today = timezone.localdate()
    for i in range(start, start + n):
        org = services.organisation_create(actor=None, partnership=side.partnership, name=f"Org {i}", sector="other")
        action = actions.action_create(
            actor=side.coordinator,
            partnership=side.partnership,
            title=f"Action {i}",
            owner_organisation=org,
            start_date=today - timedelta(days=90),
            due_date=today - timedelta(days=1 + i),
        )
        actions.action_set_status(actor=side.coordinator, action=action, status="red", note="Stalled.")
        risk_create(
            actor=side.coordinator,
            partnership=side.partnership,
            title=f"Risk {i}",
            likelihood=3,
            impact=3,
            review_date=today - timedelta(days=i),
        )
        a_report(side, ReportKind.QUARTERLY if i % 2 else ReportKind.ANNUAL)
