"""The rule for a recommendation's status: it follows the management response and the linked actions.

* no response yet: awaiting response;
* not accepted: not taken forward;
* accepted (or partly) with no actions: agreed, no actions yet;
* every action complete: done;
* any action Red or overdue: behind;
* otherwise: in progress.
"""

from __future__ import annotations

from actionplans.models import RagStatus

from .models import RecStatus, Response


def status_for(response: str, actions, today) -> str:
    if response == Response.PENDING:
        return RecStatus.AWAITING
    if response == Response.REJECT:
        return RecStatus.NOT_TAKEN
    actions = list(actions)
    if not actions:
        return RecStatus.AGREED
    if all(a.status == RagStatus.COMPLETE for a in actions):
        return RecStatus.DONE
    if any(a.status == RagStatus.RED or a.is_overdue(today) for a in actions):
        return RecStatus.BEHIND
    return RecStatus.IN_PROGRESS
