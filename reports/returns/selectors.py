"""Reads with rules for quarterly returns, each in a constant number of queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from indicators.models import PeriodKind, ReportingPeriod
from partnerships.access import Perm, can, scoped
from partnerships.models import Membership, Organisation

from ..models.returns import (
    EDITABLE_STATUSES,
    NOT_STARTED,
    Return,
    ReturnActionUpdate,
    ReturnFigure,
    ReturnSpend,
    ReturnStatus,
    ReturnTransition,
    return_state,
)


def returns_visible_to(membership: Membership) -> QuerySet[Return]:
    """The returns this member may open: all of the partnership's for readers of every return,
    only their own organisation's for a SPOC (so another organisation's return is a 404)."""
    qs = scoped(membership.partnership, Return).select_related("organisation", "period", "partnership", "agreement")
    if can(membership, Perm.VIEW_ALL_RETURNS):
        return qs
    if membership.organisation_id is None:
        return qs.none()
    return qs.filter(organisation_id=membership.organisation_id)


def return_page(return_: Return, *, rows: bool = True) -> Return:
    """The return with everything its page shows, loaded in a fixed number of queries. Without
    ``rows``: the return, its transitions and evidence only, not its figures, action updates and
    spend (which the read-only page draws once, as a cached fragment)."""
    loaded = Return.objects.filter(pk=return_.pk).select_related(
        "organisation", "period", "partnership", "approved_by", "agreement"
    )
    transitions = Prefetch(
        "transitions", queryset=ReturnTransition.objects.select_related("actor").order_by("at", "id")
    )
    if not rows:
        return loaded.prefetch_related("attachments", transitions).get()
    return loaded.prefetch_related(
        Prefetch(
            "spend",
            queryset=ReturnSpend.objects.select_related("budget_line").order_by(
                "budget_line__category", "budget_line__description"
            ),
        ),
        Prefetch(
            "figures",
            queryset=ReturnFigure.objects.select_related("indicator", "indicator__strand").order_by("indicator__code"),
        ),
        "attachments",
        Prefetch(
            "action_updates",
            queryset=ReturnActionUpdate.objects.select_related("action", "action__strand").order_by(
                "action__due_date", "action__title"
            ),
        ),
        transitions,
    ).get()


STATE_LABELS = {
    "not_opened": "Not opened",
    NOT_STARTED: "Not started",
    "draft": "Draft",
    "returned": "Returned",
    "submitted": "Submitted",
    "approved": "Approved",
}


@dataclass
class Cell:
    return_id: int | None
    state: str
    late: bool
    days_late: int | None  # at first submission; None while not submitted

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state] + (" (late)" if self.late else "")


@dataclass
class Row:
    organisation: Organisation
    cells: list[Cell] = field(default_factory=list)

    @property
    def on_time(self) -> int:
        return sum(1 for c in self.cells if c.days_late is not None and c.days_late <= 0)

    @property
    def late_submissions(self) -> int:
        return sum(1 for c in self.cells if c.days_late is not None and c.days_late > 0)

    @property
    def outstanding(self) -> int:
        return sum(1 for c in self.cells if c.late)


@dataclass
class Completeness:
    periods: list[ReportingPeriod]
    rows: list[Row]
    awaiting: list[Return]
    totals: list[Counter]
    not_asked: list[str] = field(default_factory=list)


def completeness(partnership, today: date, *, quarters: int = 8) -> Completeness:
    """Quarters (current and past, newest first) × organisations, with each return's state.
    Four queries whatever the number of organisations and quarters."""
    periods = list(
        scoped(partnership, ReportingPeriod)
        .filter(kind=PeriodKind.QUARTER, start__lte=today)
        .order_by("-start")[:quarters]
    )
    rows_data = (
        scoped(partnership, Return)
        .filter(period__in=periods, agreement__isnull=True)
        .values("id", "organisation_id", "period_id", "status", "started_at", "first_submitted_at", "due_date")
    )
    by_key = {(r["organisation_id"], r["period_id"]): r for r in rows_data}
    from .services import organisations_due_a_return

    org_ids = {key[0] for key in by_key}
    due_ids = organisations_due_a_return(partnership).values("pk")
    organisations = list(scoped(partnership, Organisation).filter(Q(pk__in=due_ids) | Q(pk__in=org_ids)))
    organisations.sort(key=lambda o: o.name.lower())
    rows, totals = [], [Counter() for _ in periods]
    for organisation in organisations:
        row = Row(organisation=organisation)
        for index, period in enumerate(periods):
            data = by_key.get((organisation.pk, period.pk))
            row.cells.append(_cell(data, today))
            totals[index][row.cells[-1].state] += 1
            totals[index]["late"] += row.cells[-1].late
        rows.append(row)
    awaiting = list(
        scoped(partnership, Return)
        .filter(status=ReturnStatus.SUBMITTED)
        .select_related("organisation", "period")
        .order_by("submitted_at")
    )
    others = scoped(partnership, Organisation).filter(is_active=True).exclude(pk__in=[o.pk for o in organisations])
    return Completeness(
        periods=periods,
        rows=rows,
        awaiting=awaiting,
        totals=totals,
        not_asked=list(others.values_list("name", flat=True)),
    )


def _cell(data: dict | None, today: date) -> Cell:
    if data is None:
        return Cell(return_id=None, state="not_opened", late=False, days_late=None)
    state = return_state(data["status"], data["started_at"])
    late = data["status"] in EDITABLE_STATUSES and today > data["due_date"]
    days_late = None
    if data["first_submitted_at"] is not None:
        days_late = (data["first_submitted_at"].date() - data["due_date"]).days
    return Cell(return_id=data["id"], state=state, late=late, days_late=days_late)


@dataclass(frozen=True)
class NextWaiting:
    first: Return | None  # the submitted return waiting longest, other than the one just reviewed
    count: int  # how many submitted returns wait, that one included


def next_waiting(partnership, *, after: Return) -> NextWaiting:
    """What a reviewer turns to after approving or returning ``after``: the submitted return that
    has waited longest, and how many wait. Two queries."""
    waiting = scoped(partnership, Return).filter(status=ReturnStatus.SUBMITTED).exclude(pk=after.pk)
    first = waiting.select_related("organisation", "period").order_by("submitted_at", "pk").first()
    return NextWaiting(first=first, count=waiting.count() if first else 0)
