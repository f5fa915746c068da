"""Access facts for the action plan's URLs (see access_registry/__init__.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from partnerships.access import Perm
from partnerships.models import SubGroup

from ..action_helpers import make_action
from ..cast import Side
from .health import _item as _meeting_item


def _action(side: Side) -> dict:
    return {"pk": make_action(side, organisation=side.council).pk}


def _subgroup(side: Side) -> dict:
    subgroup, _ = SubGroup.objects.get_or_create(partnership=side.partnership, name="Pursue and Prevent")
    return {"pk": subgroup.pk}


OBJECT_KWARGS: dict[str, Callable[[Side], dict]] = {
    "actions:detail": _action,
    "actions:edit": _action,
    "actions:delete": _action,
    "actions:status": _action,
    "actions:subgroup_plan": _subgroup,
    "actions:from_meeting_item": _meeting_item,
}


def _action_post(side: Side) -> dict:
    return {
        "title": "Brief taxi licensing officers",
        "owner_organisation": side.council.pk,
        "start_date": "2026-05-01",
        "due_date": "2026-09-30",
        "priority": "medium",
    }


MATRIX = {
    "actions:plan": (Perm.VIEW, ("get",), None),
    "actions:mine": (Perm.VIEW, ("get",), None),
    "actions:as_of": (Perm.VIEW, ("get",), None),
    "actions:export": (Perm.VIEW, ("get",), None),
    "actions:detail": (Perm.VIEW, ("get",), None),
    "actions:subgroups": (Perm.VIEW, ("get",), None),
    "actions:subgroup_plan": (Perm.VIEW, ("get",), None),
    "actions:create": (Perm.UPDATE_ANY_ACTION, ("get", "post"), _action_post),
    "actions:edit": (Perm.UPDATE_ANY_ACTION, ("get", "post"), _action_post),
    "actions:delete": (Perm.UPDATE_ANY_ACTION, ("post",), None),
    "actions:import": (Perm.UPDATE_ANY_ACTION, ("get",), None),
    "actions:from_meeting_item": (
        Perm.EDIT_PLAN,
        ("post",),
        lambda side: {
            "owner_organisation": str(side.police.pk),
            "due_date": (dt.date.today() + dt.timedelta(30)).isoformat(),
        },
    ),
}

# Changing a status is allowed for the owner organisation's SPOC and for coordinators: not a plain
# role check, so these have their own tests.
OWN_TESTS = {
    "actions:status": "tests/test_actions_access.py",
    "actions:bulk_status": "tests/test_actions_access.py",
}


# POST bodies of our URLs carrying the other partnership's ids: nothing may change.
FOREIGN_IDS = {
    "actions:bulk_status": lambda own, other: {
        "actions": [_action(own)["pk"], _action(other)["pk"]],
        "status": "green",
        "note": "Both on track",
    },
    "actions:create": lambda own, other: {**_action_post(own), "owner_organisation": other.council.pk},
}
