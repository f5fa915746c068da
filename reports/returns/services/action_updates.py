"""Action updates in a return: for each action the organisation owns, a proposed RAG status and a
note. They are staged with the return and applied on approval through the action plan's own
service (``actionplans.services.action_set_status``), so the action's history shows the change,
who approved it and that it came from the return."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone

from actionplans.models import Action, RagStatus
from actionplans.services import action_set_status
from partnerships import audit
from partnerships.access import scoped

from ...models.returns import EDITABLE_STATUSES, Return, ReturnActionUpdate

NOTE_LIMIT = 2000


def owned_actions(return_: Return):
    """The actions this organisation owns that are still open, or were closed in this quarter."""
    return (
        scoped(return_.partnership, Action)
        .filter(owner_organisation=return_.organisation)
        .exclude(status=RagStatus.COMPLETE, status_changed_at__date__lt=return_.period.start)
        .order_by("due_date", "title")
    )


def action_updates_sync(*, return_: Return) -> dict:
    """Stage an update for each action the organisation owns (only while the return is editable);
    drop untouched ones for actions it no longer owns. Returns the changes for the caller's audit
    event (``figures_sync`` writes one for the figures and actions together)."""
    if return_.status not in EDITABLE_STATUSES:
        return {}
    wanted = set(owned_actions(return_).values_list("pk", flat=True))
    have = {u.action_id: u for u in return_.action_updates.all()}
    added = sorted(wanted - set(have))
    ReturnActionUpdate.objects.bulk_create(
        [ReturnActionUpdate(partnership=return_.partnership, return_obj=return_, action_id=pk) for pk in added]
    )
    stale = [u for pk, u in have.items() if pk not in wanted and not u.is_filled]
    if stale:
        ReturnActionUpdate.objects.filter(pk__in=[u.pk for u in stale]).delete()
    changes = {}
    if added:
        changes["actions added"] = [None, added]
    if stale:
        changes["actions dropped"] = [sorted(u.action_id for u in stale), None]
    return changes


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


def action_updates_stage(*, return_: Return, data: dict) -> tuple[list[ReturnActionUpdate], dict[str, list[str]]]:
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
            problems.append("Say why the action is Red: a note is needed for a change to Red.")
        if len(note) > NOTE_LIMIT:
            problems.append(f"Keep the note to {NOTE_LIMIT:,} characters or fewer.")
        if problems:
            errors[f"action-{update.action_id}"] = problems
            continue
        if (status, note) != (update.status, update.note):
            update.status, update.note, update.applied_at = status, note, None
            changed.append(update)
    return changed, errors


def action_updates_save(*, actor, return_: Return, changed: list[ReturnActionUpdate]) -> None:
    """Save the staged updates (from :func:`action_updates_stage`) of the caller's locked return, audited."""
    if not changed:
        return
    ReturnActionUpdate.objects.bulk_update(changed, ["status", "note", "applied_at", "updated_at"])
    audit.record(
        actor=actor,
        partnership=return_.partnership,
        action="return.action_updates",
        obj=return_,
        changes={f"action {u.action_id}": [None, u.status or "no change"] for u in changed},
    )


def action_updates_apply(*, actor, return_: Return) -> int:
    """Apply the approved return's action updates (in the caller's transaction): each proposed
    status, or a note alone, becomes a status line of the action (audited by ``action_set_status``),
    by the approving coordinator; the updates are marked applied, audited on the return."""
    applied = []
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
        applied.append(update)
    if applied:
        ReturnActionUpdate.objects.filter(pk__in=[u.pk for u in applied]).update(applied_at=timezone.now())
        audit.record(
            actor=actor,
            partnership=return_.partnership,
            action="return.action_updates_apply",
            obj=return_,
            changes={"actions applied": [None, [u.action_id for u in applied]]},
        )
    return len(applied)
