"""Reads of meetings and attendance, in a constant number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from ..access import scoped
from ..models import Attendance, AttendanceStatus, Meeting, MeetingActionItem, Organisation, Partnership


def meetings(partnership: Partnership, *, kind: str = "", year: int | None = None) -> QuerySet[Meeting]:
    """Meetings newest first, with attendance counts (``n_present``, ``n_apologies``, ``n_absent``)."""
    qs = scoped(partnership, Meeting).select_related("subgroup")
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(held_on__year=year)
    return qs.annotate(
        n_present=Count("attendance", filter=Q(attendance__status=AttendanceStatus.PRESENT), distinct=True),
        n_apologies=Count("attendance", filter=Q(attendance__status=AttendanceStatus.APOLOGIES), distinct=True),
        n_absent=Count("attendance", filter=Q(attendance__status=AttendanceStatus.ABSENT), distinct=True),
        n_items=Count("action_items", distinct=True),
    ).order_by("-held_on", "-id")


def meeting_years(partnership: Partnership) -> list[int]:
    return [d.year for d in scoped(partnership, Meeting).dates("held_on", "year", order="DESC")]


def meeting_detail(partnership: Partnership) -> QuerySet[Meeting]:
    """For get_object_for: a meeting with its attendance and actions arising loaded."""
    return (
        scoped(partnership, Meeting)
        .select_related("subgroup")
        .prefetch_related(
            Prefetch(
                "attendance", queryset=Attendance.objects.select_related("organisation").order_by("organisation__name")
            ),
            Prefetch("action_items", queryset=MeetingActionItem.objects.select_related("owner_organisation")),
        )
    )


def attendance_organisations(partnership: Partnership, meeting: Meeting | None = None) -> list[Organisation]:
    """Whom attendance is recorded for: every active organisation, and any already recorded for
    ``meeting`` (an organisation that has since left keeps its line)."""
    organisations = {o.pk: o for o in scoped(partnership, Organisation).filter(is_active=True)}
    if meeting is not None and meeting.pk:
        for row in scoped(partnership, Attendance).filter(meeting=meeting).select_related("organisation"):
            organisations.setdefault(row.organisation_id, row.organisation)
    return sorted(organisations.values(), key=lambda o: o.name.lower())
