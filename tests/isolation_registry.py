"""For each tenant URL with object ids, how to make (or find) such an object in a partnership.

The isolation walk fills these with partnership B's objects and asks as every role of A. A new
URL with an id that is not listed here makes the walk fail: add it here when you add the URL.
Each function takes the cast's ``Side`` and returns the URL's kwargs (without ``slug``).
"""

from __future__ import annotations

from collections.abc import Callable

from partnerships import services
from partnerships.models import Role

from .cast import Side


def _pending_invitation(side: Side) -> dict:
    invitation, _ = services.invitation_create(
        actor=side.coordinator, partnership=side.partnership, email=f"newcomer@{side.slug}.test", role=Role.VIEWER
    )
    return {"pk": invitation.pk}


OBJECT_KWARGS: dict[str, Callable[[Side], dict]] = {
    "partnerships:organisation_edit": lambda side: {"pk": side.council.pk},
    "partnerships:organisation_delete": lambda side: {"pk": side.council.pk},
    "partnerships:member_edit": lambda side: {"pk": side.memberships["viewer"].pk},
    "partnerships:member_remove": lambda side: {"pk": side.memberships["viewer"].pk},
    "partnerships:invitation_revoke": _pending_invitation,
}

# URLs outside /p/<slug>/ — none of them shows a partnership's objects by id. A new one must be
# added here deliberately (and given its own tests), or the walk fails.
PUBLIC_OR_PERSONAL = {
    "home",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "password_change",
    "password_change_done",
    "invitation_accept",
    "accessibility",
    "healthz",
}
