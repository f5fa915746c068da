"""Access facts for the recommendations register's URLs (see access_registry/__init__.py)."""

from __future__ import annotations

from collections.abc import Callable

from partnerships.access import Perm

from ..cast import Side
from ..learning_helpers import make_recommendation


def _rec(side: Side) -> dict:
    return {"pk": make_recommendation(side, organisation=side.council).pk}


OBJECT_KWARGS: dict[str, Callable[[Side], dict]] = {
    name: _rec
    for name in (
        "learning:detail",
        "learning:edit",
        "learning:respond",
        "learning:make_actions",
        "learning:note",
        "learning:delete",
        "learning:document",
        "api:recommendation-detail",
        "api:recommendation-response",
    )
}


def _rec_post(side: Side) -> dict:
    return {
        "source_kind": "inspection",
        "source_title": "Inspection of the partnership",
        "text": "Publish the referral pathway",
        "owner_organisation": side.council.pk,
        "due_date": "2026-12-31",
    }


def _response_post(side: Side) -> dict:
    return {"response": "accept", "reasons": ""}


MATRIX = {
    "learning:register": (Perm.VIEW, ("get",), None),
    "learning:board": (Perm.VIEW, ("get",), None),
    "learning:detail": (Perm.VIEW, ("get",), None),
    "learning:create": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _rec_post),
    "learning:edit": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _rec_post),
    "learning:respond": (Perm.MANAGE_RECOMMENDATIONS, ("get", "post"), _response_post),
    "learning:make_actions": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
    "learning:delete": (Perm.MANAGE_RECOMMENDATIONS, ("post",), None),
}

# A progress note is for the owner organisation's SPOC and coordinators; the document is a 404
# when there is none (its own test downloads one).
OWN_TESTS = {
    "learning:note": "tests/test_learning_pages.py",
    "learning:document": "tests/test_learning_pages.py",
}

_READ = {"get": (Perm.VIEW, None)}

API_MATRIX = {
    "api:recommendation-list": _READ,
    "api:recommendation-detail": _READ,
    "api:recommendation-response": {"post": (Perm.MANAGE_RECOMMENDATIONS, lambda side: {"response": "accept"})},
}
