"""Action updates in a return: for each action the organisation owns, a proposed RAG status and a
note. They are staged with the return and applied on approval through the action plan's own
service (``actionplans.services.action_set_status``), so the action's history shows the change,
who approved it and that it came from the return."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from actionplans.models import Action, RagStatus
from actionplans.services import action_set_status
from partnerships.access import scoped

from ..models.returns import EDITABLE_STATUSES, Return, ReturnActionUpdate

NOTE_LIMIT = 2000
RED_NEEDS_NOTE = "Say why the action is Red: a note is needed for a change to Red."
NOTE_TOO_LONG = f"Keep the note to {NOTE_LIMIT:,} characters or fewer."
NOTE_PROBLEMS = (RED_NEEDS_NOTE, NOTE_TOO_LONG)


def field_needing_fix(message: str) -> str:
    """Which box of an update a problem is fixed in: "note" or "status"."""
    return "note" if message in NOTE_PROBLEMS else "status"


def owned_actions(return_: Return):
    """The actions this organisation owns that are still open, or were closed in this quarter."""
    return (
        scoped(return_.partnership, Action)
        .filter(owner_organisation=return_.organisation)
        .exclude(status=RagStatus.COMPLETE, status_changed_at__date__lt=return_.period.start)
        .order_by("due_date", "title")
    )


def action_updates_sync(return_: Return) -> None:
    """Stage an update for each action the organisation owns (only while the return is editable);
    drop untouched ones for actions it no longer owns."""
    if return_.status not in EDITABLE_STATUSES:
        return
    wanted = set(owned_actions(return_).values_list("pk", flat=True))
    have = {u.action_id: u for u in return_.action_updates.all()}
    ReturnActionUpdate.objects.bulk_create(
        [
            ReturnActionUpdate(partnership=return_.partnership, return_obj=return_, action_id=pk)
            for pk in sorted(wanted - set(have))
        ]
    )
    stale = [u.pk for pk, u in have.items() if pk not in wanted and not u.is_filled]
    if stale:
        ReturnActionUpdate.objects.filter(pk__in=stale).delete()


def field_names(update: ReturnActionUpdate) -> dict:
    prefix = f"a{update.action_id}"
    return {"status": f"{prefix}-status", "note": f"{prefix}-note", "prefix": prefix}


def action_updates_from_post(post, updates) -> dict:
    """``{action id: {"status", "note"}}`` for the staged updates present in the POST."""
    data = {}
    for update in updates:
        names = field_names(update)
        if names["status"] in post or names["note"] in post:
            data[update.action_id] = {"status": post.get(names["status"], ""), "note": post.get(names["note"], "")}
    return data


def stage(return_: Return, data: dict) -> tuple[list[ReturnActionUpdate], dict[str, list[str]]]:
    """Check and stage the typed updates on the (locked) return. Returns the changed updates (not
    yet saved) and errors keyed ``action-<action id>``."""
    staged = {u.action_id: u for u in return_.action_updates.select_related("action")}
    changed, errors = [], {}
    for action_id, typed in (data or {}).items():
        update = staged.get(int(action_id))
        if update is None:
            errors[f"action-{action_id}"] = [
                f"There is no action with id {action_id} in this return: update only the actions it lists."
            ]
            continue
        status = (typed.get("status") or "").strip()
        note = (typed.get("note") or "").replace("\r\n", "\n").strip()
        problems = []
        if status and status not in RagStatus.values:
            problems.append("Choose Red, Amber, Green or Complete, or leave the status as it is.")
        if status == RagStatus.RED and not note:
            problems.append(RED_NEEDS_NOTE)
        if len(note) > NOTE_LIMIT:
            problems.append(NOTE_TOO_LONG)
        if problems:
            errors[f"action-{update.action_id}"] = problems
            continue
        if (status, note) != (update.status, update.note):
            update.status, update.note, update.applied_at = status, note, None
            changed.append(update)
    return changed, errors


def save(changed: list[ReturnActionUpdate]) -> None:
    if changed:
        ReturnActionUpdate.objects.bulk_update(changed, ["status", "note", "applied_at", "updated_at"])


def apply_action_updates(return_: Return, actor) -> int:
    """Apply the approved return's action updates (in the caller's transaction): each proposed
    status, or a note alone, becomes a status line of the action, by the approving coordinator."""
    from django.utils import timezone

    applied = 0
    source = f"(From {return_.organisation}'s return for {return_.period.label}.)"
    for update in return_.action_updates.select_related("action").filter(applied_at__isnull=True):
        if not update.is_filled:
            continue
        status = update.status or update.action.status
        try:
            action_set_status(actor=actor, action=update.action, status=status, note=f"{update.note}\n{source}".strip())
        except ValidationError as error:
            raise ValidationError(
                f"The update on “{update.action.title}” could not be applied: {error.messages[0]}"
            ) from error
        ReturnActionUpdate.objects.filter(pk=update.pk).update(applied_at=timezone.now())
        applied += 1
    return applied
