"""Reads of the action plan, each in a constant number of queries whatever the plan's size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from aspm.financial_calendar import calendar_of
from partnerships.access import scoped
from partnerships.models import AuditEvent, Membership, Partnership, Role

from . import clock
from .models import Action, ActionStatusChange, ChangeKind, RagStatus

SORTS = {
    "due": ("due_date", "id"),
    "-due": ("-due_date", "-id"),
    "title": ("title", "id"),
    "-title": ("-title", "-id"),
    "owner": ("owner_organisation__name", "due_date", "id"),
    "-owner": ("-owner_organisation__name", "due_date", "id"),
    "status": ("status_rank", "due_date", "id"),
    "-status": ("-status_rank", "due_date", "id"),
}
GROUPS = {
    "strand": ("strand__order", "strand__name", "strand_id"),
    "objective": ("objective__code", "objective_id"),
    "subgroup": ("subgroup__name", "subgroup_id"),
    "none": (),
}
# What a group's heading is made of, read with its size (see ``group_sizes``).
GROUP_NAMES = {
    "strand": ("strand_id", "strand__name"),
    "objective": ("objective_id", "objective__code", "objective__title"),
    "subgroup": ("subgroup_id", "subgroup__name"),
}
NO_GROUP = {"strand": "No strand", "objective": "No objective", "subgroup": "No sub-group"}


@dataclass(frozen=True)
class GroupSize:
    key: str  # "strand-3", or "strand-none" for the actions without one
    label: str
    count: int
    first: int  # the plan's position (from 0) of the group's first action


def group_sizes(queryset: QuerySet[Action], group: str) -> list[GroupSize]:
    """The plan's groups in the plan's order, each with how many actions it has and where it starts,
    so a long plan can list its groups with a link to the page each begins on. One query."""
    if group not in GROUP_NAMES:
        return []
    names = GROUP_NAMES[group]
    rows = queryset.order_by().values(*names).annotate(n=Count("id")).order_by(*GROUPS[group])
    sizes, first = [], 0
    for row in rows:
        pk = row[names[0]]
        label = " ".join(str(row[n]) for n in names[1:]) if pk is not None else NO_GROUP[group]
        key = f"{group}-{pk if pk is not None else 'none'}"
        sizes.append(GroupSize(key=key, label=label, count=row["n"], first=first))
        first += row["n"]
    return sizes


def quarter_of(partnership: Partnership, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the partnership's financial quarter containing ``day``."""
    quarter = calendar_of(partnership).quarter_of(day)
    return quarter.start, quarter.end


def financial_year_start(partnership: Partnership, day: dt.date) -> dt.date:
    return calendar_of(partnership).year_start(day)


@dataclass
class PlanFilter:
    status: str = ""  # a RagStatus or "overdue"
    organisation: int | None = None
    strand: int | None = None
    subgroup: int | None = None
    due: str = ""  # "this_quarter"
    overdue: bool = False
    q: str = ""
    sort: str = "due"
    group: str = "strand"
    only_organisation: int | None = None  # "My actions"
    only_person: int | None = None
    attention_for: int | None = None  # a reader's list: Red or overdue, or naming this member as owner
    extra: dict = field(default_factory=dict)


def _status_rank():
    from django.db.models import Case, IntegerField, Value, When

    return Case(
        *(When(status=s, then=Value(i)) for i, s in enumerate(("red", "amber", "green", "complete"))),
        output_field=IntegerField(),
    )


def plan(partnership: Partnership, flt: PlanFilter | None = None) -> QuerySet[Action]:
    """The action plan, filtered and ordered, with everything a row shows loaded (one query)."""
    flt = flt or PlanFilter()
    today = clock.today()
    qs = scoped(partnership, Action).select_related(
        "owner_organisation", "owner_person__user", "objective", "strand", "subgroup"
    )
    if flt.only_organisation:
        qs = qs.filter(owner_organisation_id=flt.only_organisation)
    if flt.only_person:
        qs = qs.filter(owner_person_id=flt.only_person)
    if flt.attention_for:
        late = Q(due_date__lt=today) & ~Q(status=RagStatus.COMPLETE)
        qs = qs.filter(Q(status=RagStatus.RED) | late | Q(owner_person_id=flt.attention_for))
    if flt.status == "overdue" or flt.overdue:
        qs = qs.filter(due_date__lt=today).exclude(status=RagStatus.COMPLETE)
    if flt.status in RagStatus.values:
        qs = qs.filter(status=flt.status)
    if flt.organisation:
        qs = qs.filter(owner_organisation_id=flt.organisation)
    if flt.strand:
        qs = qs.filter(strand_id=flt.strand)
    if flt.subgroup:
        qs = qs.filter(subgroup_id=flt.subgroup)
    if flt.due == "this_quarter":
        start, end = quarter_of(partnership, today)
        qs = qs.filter(due_date__range=(start, end))
    if flt.q:
        qs = qs.filter(Q(title__icontains=flt.q) | Q(output__icontains=flt.q))
    order = GROUPS.get(flt.group, GROUPS["strand"]) + SORTS.get(flt.sort, SORTS["due"])
    return qs.annotate(status_rank=_status_rank()).order_by(*order)


def status_counts(queryset: QuerySet[Action]) -> dict[str, int]:
    """Counts by status, plus "overdue" and "total", in one query."""
    today = clock.today()
    counts = queryset.order_by().aggregate(
        total=Count("id"),
        overdue=Count("id", filter=Q(due_date__lt=today) & ~Q(status=RagStatus.COMPLETE)),
        **{s: Count("id", filter=Q(status=s)) for s in RagStatus.values},
    )
    return counts


def action_detail_queryset(partnership: Partnership) -> QuerySet[Action]:
    return scoped(partnership, Action).select_related(
        "owner_organisation", "owner_person__user", "objective", "strand", "subgroup", "indicator"
    )


def history_of(action: Action) -> QuerySet[ActionStatusChange]:
    return action.history.select_related("changed_by").order_by("-changed_at", "-id")


def coordinators(partnership: Partnership) -> QuerySet[Membership]:
    return scoped(partnership, Membership).filter(role=Role.COORDINATOR).select_related("user")


def owner_people(partnership: Partnership) -> QuerySet[Membership]:
    return scoped(partnership, Membership).select_related("user", "organisation").order_by("user__full_name")


# --- the plan as it stood on a date ------------------------------------------------------------


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def plan_as_of(partnership: Partnership, day: dt.date) -> QuerySet[Action]:
    """Each action that existed on ``day`` with ``status_then``: its latest status line by the end of that day.

    An action "existed" once its first history line was written (the demo's history predates
    the rows themselves). One query.
    """
    cutoff = _end_of(day)
    latest = (
        ActionStatusChange.objects.filter(action=OuterRef("pk"), changed_at__lt=cutoff, kind=ChangeKind.STATUS)
        .order_by("-changed_at", "-id")
        .values("status")[:1]
    )
    latest_note = (
        ActionStatusChange.objects.filter(action=OuterRef("pk"), changed_at__lt=cutoff, kind=ChangeKind.STATUS)
        .order_by("-changed_at", "-id")
        .values("note")[:1]
    )
    return (
        scoped(partnership, Action)
        .annotate(status_then=Subquery(latest), note_then=Subquery(latest_note))
        .filter(Exists(ActionStatusChange.objects.filter(action=OuterRef("pk"), changed_at__lt=cutoff)))
        .select_related("owner_organisation", "strand", "objective", "subgroup")
        .order_by("strand__order", "objective__code", "due_date", "id")
    )


def counts_at(partnership: Partnership, days: list[dt.date]) -> list[dict[str, int]]:
    """RAG counts at the end of each of ``days``, read back from the history: one query per day.

    Each action's latest line before the cutoff is found through the (action, changed_at) index,
    then grouped by status in the database. "Became overdue" lines repeat the status, so they
    do not change the counts.
    """
    results = []
    for day in days:
        latest = (
            ActionStatusChange.objects.filter(action=OuterRef("pk"), changed_at__lt=_end_of(day))
            .order_by("-changed_at", "-id")
            .values("status")[:1]
        )
        rows = (
            scoped(partnership, Action)
            .annotate(status_then=Subquery(latest))
            .filter(status_then__isnull=False)
            .values("status_then")
            .annotate(n=Count("id"))
            .order_by()
        )
        counts = dict.fromkeys(RagStatus.values, 0)
        counts.update({r["status_then"]: r["n"] for r in rows})
        results.append(counts)
    return results


def quarter_ends(partnership: Partnership, today: dt.date, count: int = 5) -> list[dt.date]:
    """The last ``count`` financial quarter ends up to today, then today itself."""
    past = calendar_of(partnership).quarters_to(today, count)[:-1]  # the quarters before today's
    return [q.end for q in past] + [today]


# --- how the plan moved over a span of days -------------------------------------------------------


@dataclass(frozen=True)
class Movement:
    """What changed in the plan between two days: ids of actions added and completed, and the names of
    actions dropped (deleted: only the audit log still knows them)."""

    before: int  # actions in the plan at the end of the day before ``start``
    added: list[int]
    completed: list[int]
    dropped: list[str]


def movement(partnership: Partnership, start: dt.date, end: dt.date) -> Movement:
    """Three queries. An action is added on the day of its first history line (the line its creation
    writes; the demo's history predates the rows), completed on a status line "complete", dropped when
    the audit log records its deletion. A dropped action's history went with it, so it is counted as
    in the plan before ``start``."""
    since, until = _end_of(start - dt.timedelta(days=1)), _end_of(end)
    firsts = (
        ActionStatusChange.objects.filter(action__in=scoped(partnership, Action))
        .values("action_id")
        .annotate(first=Min("changed_at"))
        .order_by()
    )
    before, added = 0, []
    for row in firsts:
        if row["first"] < since:
            before += 1
        elif row["first"] < until:
            added.append(row["action_id"])
    completed = list(
        ActionStatusChange.objects.filter(
            action__in=scoped(partnership, Action),
            kind=ChangeKind.STATUS,
            status=RagStatus.COMPLETE,
            changed_at__gte=since,
            changed_at__lt=until,
        )
        .values_list("action_id", flat=True)
        .distinct()
    )
    dropped = list(
        scoped(partnership, AuditEvent)
        .filter(action="action.delete", at__gte=since, at__lt=until)
        .order_by("at", "id")
        .values_list("object_repr", flat=True)
    )
    return Movement(before=before + len(dropped), added=added, completed=completed, dropped=dropped)
