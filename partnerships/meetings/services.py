"""Every change to meetings, their attendance and the actions arising from them.

Keyword-only functions taking the acting user; each validates, runs in one transaction and writes
its audit event in that transaction (through :mod:`partnerships.audit`).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm.uploads import validate_upload

from .. import audit
from ..access import check_same_partnership
from ..models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingActionItem,
    MeetingKind,
    Organisation,
    Partnership,
    SubGroup,
    User,
)
from .selectors import attendance_organisations

MEETING_FIELDS = ("kind", "subgroup", "held_on", "title", "agenda", "minutes", "minutes_file")


def _check_meeting(partnership: Partnership, values: dict) -> None:
    errors = {}
    kind = values.get("kind")
    if kind not in MeetingKind.values:
        errors["kind"] = "Choose the type of meeting: board, sub-group or operational."
    subgroup: SubGroup | None = values.get("subgroup")
    if kind == MeetingKind.SUBGROUP and subgroup is None:
        errors["subgroup"] = "Choose which sub-group met."
    if kind != MeetingKind.SUBGROUP and subgroup is not None:
        values["subgroup"] = None  # a sub-group only goes with a sub-group meeting
    if not (values.get("title") or "").strip():
        errors["title"] = "Give the meeting a title, e.g. “Quarterly board meeting”."
    held_on = values.get("held_on")
    if held_on is None:
        errors["held_on"] = "Enter the date of the meeting."
    elif held_on > dt.date.today() + dt.timedelta(days=366):
        errors["held_on"] = "This date is more than a year ahead: check the year."
    upload = values.get("minutes_file")
    if upload and hasattr(upload, "size") and not getattr(upload, "_committed", False):
        try:
            validate_upload(upload)
        except ValidationError as error:
            errors["minutes_file"] = error.messages
    if errors:
        raise ValidationError(errors)
    check_same_partnership(partnership, [values.get("subgroup")])
    values["title"] = values["title"].strip()


def _check_attendance(partnership: Partnership, attendance: dict[int, str], organisations) -> dict[int, str]:
    """``attendance`` maps organisation id -> status; every organisation in ``organisations`` needs one."""
    by_id = {o.pk: o for o in organisations}
    unknown = set(attendance) - set(by_id)
    if unknown:
        raise ValidationError({"attendance": "Attendance can only be recorded for the partnership's organisations."})
    missing = [by_id[pk].name for pk in by_id if not attendance.get(pk)]
    if missing:
        raise ValidationError({"attendance": f"Say whether each organisation attended. Missing: {', '.join(missing)}."})
    bad = [by_id[pk].name for pk, status in attendance.items() if status not in AttendanceStatus.values]
    if bad:
        raise ValidationError(
            {"attendance": f"Choose present, apologies, absent or not expected for {', '.join(bad)}."}
        )
    check_same_partnership(partnership, by_id.values())
    return attendance


def _write_attendance(*, actor, meeting: Meeting, attendance: dict[int, str], organisations) -> None:
    names = {o.pk: o.name for o in organisations}
    existing = {row.organisation_id: row for row in Attendance.objects.select_for_update().filter(meeting=meeting)}
    changes = {}
    new_rows = []
    for org_id, status in attendance.items():
        row = existing.get(org_id)
        if row is None:
            row = Attendance(partnership=meeting.partnership, meeting=meeting, organisation_id=org_id, status=status)
            row.full_clean(validate_unique=False)
            new_rows.append(row)
            changes[names[org_id]] = [None, status]
        elif row.status != status:
            changes[names[org_id]] = [row.status, status]
            row.status = status
            row.save(update_fields=["status", "updated_at"])
    Attendance.objects.bulk_create(new_rows)
    if changes:
        audit.record(
            actor=actor, partnership=meeting.partnership, action="meeting.attendance", obj=meeting, changes=changes
        )


def meeting_create(
    *,
    actor: User | None,
    partnership: Partnership,
    attendance: dict[int, str],
    kind: str,
    held_on: dt.date,
    title: str,
    subgroup: SubGroup | None = None,
    agenda: str = "",
    minutes: str = "",
    minutes_file=None,
) -> Meeting:
    """Record a meeting with one attendance line per active organisation, all or nothing."""
    values = {
        "kind": kind,
        "subgroup": subgroup,
        "held_on": held_on,
        "title": title,
        "agenda": agenda,
        "minutes": minutes,
        "minutes_file": minutes_file or "",
    }
    _check_meeting(partnership, values)
    organisations = attendance_organisations(partnership, None)
    _check_attendance(partnership, attendance, organisations)
    with transaction.atomic():
        meeting = audit.create(actor=actor, obj=Meeting(partnership=partnership, **values))
        _write_attendance(actor=actor, meeting=meeting, attendance=attendance, organisations=organisations)
    return meeting


def meeting_update(
    *,
    actor: User,
    meeting: Meeting,
    attendance: dict[int, str] | None = None,
    remove_minutes_file: bool = False,
    **values,
) -> Meeting:
    """Change a meeting's details and, if given, its attendance. An empty ``minutes_file`` keeps the
    file already there; ``remove_minutes_file`` takes it away (the stored file goes after commit)."""
    unknown = set(values) - set(MEETING_FIELDS)
    if unknown:
        raise ValidationError(f"These details cannot be changed here: {', '.join(sorted(unknown))}.")
    if not values.get("minutes_file"):
        values.pop("minutes_file", None)
    if remove_minutes_file and values.get("minutes_file"):
        raise ValidationError({"minutes_file": "Either upload a new file or remove the old one, not both."})
    if remove_minutes_file:
        values["minutes_file"] = ""
    merged = {f: getattr(meeting, f) for f in MEETING_FIELDS} | values
    _check_meeting(meeting.partnership, merged)
    values = {k: merged[k] for k in values}
    organisations = attendance_organisations(meeting.partnership, meeting)
    if attendance is not None:
        _check_attendance(meeting.partnership, attendance, organisations)
    old_file = Meeting.objects.get(pk=meeting.pk).minutes_file
    with transaction.atomic():
        meeting = audit.update(actor=actor, obj=meeting, values=values)
        if attendance is not None:
            _write_attendance(actor=actor, meeting=meeting, attendance=attendance, organisations=organisations)
        if old_file and old_file.name != meeting.minutes_file.name:
            name, storage = old_file.name, old_file.storage
            transaction.on_commit(lambda: storage.delete(name))
    return meeting


def meeting_delete(*, actor: User, meeting: Meeting) -> None:
    if MeetingActionItem.objects.filter(meeting=meeting, action_id__isnull=False).exists():
        raise ValidationError("Actions in the plan came from this meeting; it is kept so they can be traced back.")
    stored = meeting.minutes_file.name if meeting.minutes_file else None
    storage = meeting.minutes_file.storage
    with transaction.atomic():
        audit.delete(actor=actor, obj=meeting)
        if stored:
            transaction.on_commit(lambda: storage.delete(stored))


# --- actions arising ----------------------------------------------------------------------


def meeting_item_add(
    *,
    actor: User | None,
    meeting: Meeting,
    text: str,
    owner_organisation: Organisation | None = None,
    due_on: dt.date | None = None,
) -> MeetingActionItem:
    """Note an action arising. Later it can become an action of the plan (``action_id``)."""
    if not (text or "").strip():
        raise ValidationError({"text": "Describe the action that arose."})
    if due_on is not None and due_on < meeting.held_on:
        raise ValidationError({"due_on": "The due date cannot be before the meeting."})
    check_same_partnership(meeting.partnership, [owner_organisation])
    item = MeetingActionItem(
        partnership=meeting.partnership,
        meeting=meeting,
        text=text.strip(),
        owner_organisation=owner_organisation,
        due_on=due_on,
    )
    return audit.create(actor=actor, obj=item)


def meeting_item_delete(*, actor: User, item: MeetingActionItem) -> None:
    if item.action_id is not None:
        raise ValidationError("This item is already an action in the plan: change it there.")
    audit.delete(actor=actor, obj=item)
