"""Access facts for meetings and partnership health (see access_registry/__init__.py)."""

from __future__ import annotations

import datetime as dt

from partnerships.access import Perm
from partnerships.meetings import services as meeting_services

from ..cast import Side
from ..health_helpers import everyone, meeting, meeting_with_minutes_file, open_round


def _meeting(side: Side) -> dict:
    return {"pk": meeting(side, dt.date.today() - dt.timedelta(days=7)).pk}


def _item(side: Side) -> dict:
    m = meeting(side, dt.date.today() - dt.timedelta(days=7))
    item = meeting_services.meeting_item_add(actor=side.coordinator, meeting=m, text="Send the minutes round")
    return {"pk": item.pk}


def _meeting_post(side: Side) -> dict:
    data = {"kind": "board", "held_on": (dt.date.today() - dt.timedelta(days=1)).isoformat(), "title": "Board"}
    data.update({f"att_{pk}": status for pk, status in everyone(side).items()})
    return data


OBJECT_KWARGS = {
    "meetings:detail": _meeting,
    "meetings:edit": _meeting,
    "meetings:delete": _meeting,
    "meetings:minutes": lambda side: {"pk": meeting_with_minutes_file(side).pk},
    "meetings:item_add": _meeting,
    "meetings:item_delete": _item,
    "health:survey_round": lambda side: {"pk": open_round(side).pk},
    "health:survey_answer": lambda side: {"pk": open_round(side).pk},
    "health:survey_close": lambda side: {"pk": open_round(side).pk},
}

MATRIX = {
    "meetings:list": (Perm.VIEW, ("get",), None),
    "meetings:create": (Perm.EDIT_PLAN, ("get", "post"), _meeting_post),
    "meetings:detail": (Perm.VIEW, ("get",), None),
    "meetings:edit": (Perm.EDIT_PLAN, ("get", "post"), _meeting_post),
    "meetings:delete": (Perm.EDIT_PLAN, ("post",), None),
    "meetings:minutes": (Perm.VIEW, ("get",), None),
    "meetings:item_add": (Perm.EDIT_PLAN, ("post",), lambda side: {"text": "Share the venue list"}),
    "meetings:item_delete": (Perm.EDIT_PLAN, ("post",), None),
    "health:page": (Perm.VIEW, ("get",), None),
    "health:targets": (
        Perm.EDIT_PLAN,
        ("get", "post"),
        lambda side: {
            "attendance_target": "85",
            "attendance_margin": "10",
            "survey_score_target": "3.8",
            "survey_score_margin": "0.3",
            "actions_on_time_target": "75",
            "actions_on_time_margin": "15",
            "returns_on_time_target": "90",
            "returns_on_time_margin": "10",
        },
    ),
    "health:survey": (Perm.VIEW, ("get",), None),
    "health:survey_open": (Perm.EDIT_PLAN, ("post",), lambda side: {"title": "Survey 2026"}),
    "health:survey_round": (Perm.VIEW, ("get",), None),
    # Every member may answer an open round (once): a valid POST is accepted for every role.
    "health:survey_answer": (Perm.VIEW, ("get", "post"), lambda side: {"trust_rely": "4", "comm_clear": "3"}),
    "health:survey_close": (Perm.EDIT_PLAN, ("post",), None),
    "indicators:benchmarking": (Perm.VIEW, ("get",), None),
    "indicators:benchmarking_export": (Perm.VIEW, ("get",), None),
    "indicators:benchmarking_settings": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"opted_in": ""}),
}


# POST bodies of our URLs carrying the other partnership's ids: nothing may change.
FOREIGN_IDS = {
    "meetings:item_add": lambda own, other: {"text": "Share the venue list", "owner_organisation": other.police.pk},
    "actions:from_meeting_item": lambda own, other: {
        "owner_organisation": str(other.police.pk),
        "due_date": (dt.date.today() + dt.timedelta(30)).isoformat(),
    },
}
