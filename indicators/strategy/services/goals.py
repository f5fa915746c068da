"""The development goals checklist: one row per goal, made the first time progress is recorded."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aspm.uploads import validate_upload
from partnerships import audit
from partnerships.models import Partnership

from ...models import DevelopmentGoal, DevelopmentGoalCode, GoalStatus

EVIDENCE_MAX_BYTES = 20 * 1024 * 1024


def create_development_goals(*, actor, partnership: Partnership) -> list[DevelopmentGoal]:
    """Add the eight goals a partnership does not have yet, not started (hook ``partnership_created``)."""
    have = set(DevelopmentGoal.objects.filter(partnership=partnership).values_list("code", flat=True))
    return [
        audit.create(actor=actor, obj=DevelopmentGoal(partnership=partnership, code=code))
        for code in DevelopmentGoalCode.values
        if code not in have
    ]


@transaction.atomic
def development_goal_update(
    *,
    actor,
    goal: DevelopmentGoal,
    status: str,
    achieved_on: dt.date | None = None,
    note: str = "",
    evidence_link: str = "",
    evidence_file=None,
    remove_file: bool = False,
) -> DevelopmentGoal:
    if status not in GoalStatus.values:
        raise ValidationError({"status": "Choose not started, in progress or done."})
    if achieved_on and achieved_on > timezone.localdate():
        raise ValidationError({"achieved_on": "The date cannot be in the future."})
    if status == GoalStatus.DONE and not achieved_on:
        raise ValidationError({"achieved_on": "Give the date it was done."})
    if evidence_file is not None:
        try:
            validate_upload(evidence_file, max_bytes=EVIDENCE_MAX_BYTES)
        except ValidationError as error:
            raise ValidationError({"evidence_file": error.messages}) from error
    values = {"status": status, "achieved_on": achieved_on, "note": note.strip(), "evidence_link": evidence_link}
    old_file = goal.evidence_file.name if goal.evidence_file else ""
    if evidence_file is not None:
        goal.evidence_file.save(evidence_file.name, evidence_file, save=False)
        values["evidence_file"] = goal.evidence_file
    elif remove_file:
        values["evidence_file"] = ""
    goal = audit.update(actor=actor, obj=goal, values=values)
    if old_file and (evidence_file is not None or remove_file):
        storage = goal.evidence_file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    return goal
