"""Turning an action arising from a meeting into an action of the plan.

The meeting's item keeps only the new action's id (``MeetingActionItem.action_id``): partnerships does
not depend on this app. The action is made by :func:`actionplans.services.action_create`, so it gets
its first status line and audit event like any other action.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import MeetingActionItem, Organisation, User

from ..models import Action
from . import action_create


def action_from_meeting_item(
    *,
    actor: User | None,
    item: MeetingActionItem,
    owner_organisation: Organisation | None = None,
    due_date: dt.date | None = None,
) -> Action:
    """Add the item to the action plan (once). The owner and due date default to the item's own;
    an action needs both, so the coordinator gives them here when the item has none."""
    with transaction.atomic():
        locked = MeetingActionItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
        if locked.action_id is not None:
            raise ValidationError("This action arising is already in the action plan.")
        owner = owner_organisation or locked.owner_organisation
        due = due_date or locked.due_on
        errors = {}
        if owner is None:
            errors["owner_organisation"] = "Choose the organisation that will own the action."
        if due is None:
            errors["due_date"] = "Give the date the action is due."
        elif due < locked.meeting.held_on:
            errors["due_date"] = "The due date cannot be before the meeting it arose at."
        if errors:
            raise ValidationError(errors)
        check_same_partnership(locked.partnership, [owner])
        title = " ".join(locked.text.split())
        if len(title) > 300:
            title = title[:299].rstrip() + "…"
        action = action_create(
            actor=actor,
            partnership=locked.partnership,
            title=title,
            owner_organisation=owner,
            start_date=locked.meeting.held_on,
            due_date=due,
            note=f"Arose at {locked.meeting.title} on {locked.meeting.held_on:%d/%m/%Y}.",
        )
        audit.update(actor=actor, obj=locked, values={"action_id": action.pk})
        item.action_id = action.pk
    return action
