"""Every change to actions and their RAG status.

Keyword-only functions taking the acting user. Each validates, runs in one transaction and writes
its audit event in that transaction (through :mod:`partnerships.audit`). Views, the import, the
overdue job and the demo seeder all come through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aspm import hooks
from aspm.errors import ConflictError
from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Partnership, User

from .. import clock
from ..models import Action, ActionStatusChange, ChangeKind, RagStatus

EDITABLE = (
    "title",
    "objective",
    "strand",
    "subgroup",
    "owner_organisation",
    "owner_person",
    "start_date",
    "due_date",
    "output",
    "indicator",
    "priority",
)


@dataclass(frozen=True)
class StatusOutcome:
    """What ``action_set_status`` did: the new history line, and the line that beat it to it (if any)."""

    change: ActionStatusChange
    overtaken_by: ActionStatusChange | None = None


def _check_links(partnership: Partnership, values: dict) -> None:
    links = [
        values.get(k) for k in ("objective", "strand", "subgroup", "owner_organisation", "owner_person", "indicator")
    ]
    try:
        check_same_partnership(partnership, links)
    except ValidationError as error:
        raise ValidationError({"__all__": error.messages}) from error
    start, due = values.get("start_date"), values.get("due_date")
    if due is None:
        raise ValidationError({"due_date": "Give the date the action is due."})
    if start is not None and due < start:
        raise ValidationError({"due_date": "The due date is before the start date: it must be on or after it."})
    if values.get("owner_organisation") is None:
        raise ValidationError({"owner_organisation": "Choose the organisation that owns the action."})
    person = values.get("owner_person")
    organisation = values.get("owner_organisation")
    if person is not None and person.organisation_id and organisation and person.organisation_id != organisation.pk:
        raise ValidationError(
            {"owner_person": f"{person.user} is the SPOC of {person.organisation}, not of {organisation}."}
        )


def _with_strand(values: dict) -> dict:
    """The strand follows the objective: an action of objective OBJ3 is in OBJ3's strand."""
    objective = values.get("objective")
    if objective is not None:
        values["strand"] = objective.strand
    return values


def _check_status(status: str) -> None:
    if status not in RagStatus.values:
        raise ValidationError({"status": f"“{status}” is not a status. Choose Red, Amber, Green or Complete."})


def _check_note(status: str, note: str) -> None:
    if status == RagStatus.RED and not (note or "").strip():
        raise ValidationError({"note": "Say why the action is Red: a note is needed for a change to Red."})


def _check_when(at: dt.datetime | None) -> dt.datetime:
    now = clock.now()
    if at is None:
        return now
    if at > now:
        raise ValidationError({"changed_at": "A status change cannot be dated in the future."})
    return at


def action_create(
    *,
    actor: User | None,
    partnership: Partnership,
    status: str = RagStatus.GREEN,
    note: str = "",
    at: dt.datetime | None = None,
    **values,
) -> Action:
    """Add an action with its first status line (Green unless told otherwise)."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"Unknown details for an action: {', '.join(sorted(unknown))}.")
    _check_status(status)
    _check_note(status, note)
    when = _check_when(at)
    _check_links(partnership, values)
    with transaction.atomic():
        action = Action(partnership=partnership, status=status, status_changed_at=when, **_with_strand(values))
        audit.create(actor=actor, obj=action)
        _write_change(actor=actor, action=action, status=status, note=note or "Action added to the plan.", at=when)
        if action.owner_organisation_id:
            hooks.run(
                "reporting_changed", actor=actor, partnership=partnership, organisations=[action.owner_organisation_id]
            )
    return action


def action_update(*, actor: User, action: Action, **values) -> Action:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"These details cannot be changed here: {', '.join(sorted(unknown))}.")
    merged = {k: getattr(action, k) for k in EDITABLE} | values
    _check_links(action.partnership, merged)
    values = _with_strand({**values})
    with transaction.atomic():
        owner_before = action.owner_organisation_id
        audit.update(actor=actor, obj=action, values=values)
        if action.owner_organisation_id != owner_before:  # its returns' action updates follow the owner
            owners = [o for o in (owner_before, action.owner_organisation_id) if o]
            hooks.run("reporting_changed", actor=actor, partnership=action.partnership, organisations=owners)
    return action


def action_delete(*, actor: User, action: Action) -> None:
    audit.delete(actor=actor, obj=action)


def _write_change(*, actor, action: Action, status: str, note: str, at, kind=ChangeKind.STATUS) -> ActionStatusChange:
    change = ActionStatusChange(
        partnership_id=action.partnership_id,
        action=action,
        kind=kind,
        status=status,
        note=(note or "").strip(),
        changed_by=actor if getattr(actor, "is_authenticated", False) else None,
        changed_at=at,
    )
    change.full_clean(exclude=["partnership"])
    change.save()
    return change


def action_set_status(
    *,
    actor: User | None,
    action: Action,
    status: str,
    note: str = "",
    expected_status: str | None = None,
    if_changed: str = "record",
    at: dt.datetime | None = None,
) -> StatusOutcome:
    """Record a new RAG status with its note.

    The action's row is locked while the line is written, so two people saving at once are
    written one after the other, both kept in the history in that order. ``expected_status`` is
    the status the person saw. When someone else changed it in the meantime:

    * ``if_changed="record"`` (the page): both changes are kept, the outcome says so
      (``overtaken_by``) and the page tells them;
    * ``if_changed="refuse"`` (an API client that sent ``expected_status`` as a precondition):
      nothing is written and ``aspm.errors.ConflictError`` says what the status is now.
    """
    if if_changed not in ("record", "refuse"):
        raise ValueError(f"if_changed is 'record' or 'refuse', not {if_changed!r}")
    _check_status(status)
    _check_note(status, note)
    _check_when(at)
    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        # "Now" is read once the row is ours: read before the lock, a saver who waited for another
        # would be dated before the change it waited for, and be refused.
        when = _check_when(at)
        overtaken_by = None
        if expected_status is not None and expected_status != locked.status:
            if if_changed == "refuse":
                raise ConflictError(
                    f"The status changed meanwhile: it is now {RagStatus(locked.status).label}, not "
                    f"{RagStatus(expected_status).label}. Read the action again, then decide."
                )
            overtaken_by = locked.history.select_related("changed_by").order_by("-changed_at", "-id").first()
        if locked.status_changed_at and when < locked.status_changed_at:
            raise ValidationError({"changed_at": "This would be dated before the action's latest status change."})
        change = _write_change(actor=actor, action=locked, status=status, note=note, at=when)
        before = locked.status
        Action.objects.filter(pk=locked.pk).update(status=status, status_changed_at=when, updated_at=timezone.now())
        audit.record(
            actor=actor,
            partnership=locked.partnership,
            action="action.status",
            obj=locked,
            changes={"status": [before, status], "note": [None, change.note]},
        )
    action.status, action.status_changed_at = status, when
    return StatusOutcome(change=change, overtaken_by=overtaken_by)


def action_bulk_set_status(
    *, actor: User, actions: Iterable[Action], status: str, note: str = ""
) -> list[StatusOutcome]:
    """The same status and note for several actions: all are changed, or none."""
    actions = list(actions)
    if not actions:
        raise ValidationError({"actions": "Choose at least one action."})
    _check_status(status)
    _check_note(status, note)
    with transaction.atomic():
        return [action_set_status(actor=actor, action=a, status=status, note=note) for a in actions]


def action_record_overdue(*, action: Action, today: dt.date) -> ActionStatusChange | None:
    """Write the "became overdue" line once per due date; ``None`` if it is already written or not due."""
    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        if not locked.is_overdue(today) or locked.overdue_recorded_for == locked.due_date:
            return None
        change = _write_change(
            actor=None,
            action=locked,
            status=locked.status,
            kind=ChangeKind.OVERDUE,
            note=f"Due on {locked.due_date:%-d %B %Y} and not complete: now overdue.",
            at=clock.now(),
        )
        Action.objects.filter(pk=locked.pk).update(overdue_recorded_for=locked.due_date)
        audit.record(
            actor=None,
            partnership=locked.partnership,
            action="action.overdue",
            obj=locked,
            changes={"overdue": [None, locked.due_date.isoformat()]},
        )
    return change
