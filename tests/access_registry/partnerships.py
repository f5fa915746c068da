"""Access facts for the partnerships app's URLs (see access_registry/__init__.py)."""

from __future__ import annotations

from collections.abc import Callable

from partnerships import services
from partnerships.access import Perm
from partnerships.models import Role

from ..cast import Side


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
    "disclosure_rules",
    "healthz",
}

# url name -> (the right it needs, methods, POST data maker). Perm.VIEW: every member.
MATRIX = {
    "partnerships:home": (Perm.VIEW, ("get",), None),
    "partnerships:edit": (
        Perm.MANAGE_PARTNERSHIP,
        ("get", "post"),
        lambda side: {
            "name": side.partnership.name,
            "area": "New area",
            "financial_year_start_month": 4,
        },
    ),
    "partnerships:disclosure": (
        Perm.MANAGE_PARTNERSHIP,
        ("get", "post"),
        lambda side: {"method": "threshold", "threshold": 6, "reason": "Our board asked for more care."},
    ),
    "partnerships:organisations": (Perm.VIEW, ("get",), None),
    "partnerships:organisation_create": (
        Perm.MANAGE_PARTNERSHIP,
        ("get", "post"),
        lambda side: {"name": "Harbour Mission", "sector": "faith_community"},
    ),
    "partnerships:organisations_import": (Perm.MANAGE_PARTNERSHIP, ("get", "post"), None),
    "partnerships:organisation_edit": (
        Perm.MANAGE_PARTNERSHIP,
        ("get", "post"),
        lambda side: {"name": "Renamed Council", "sector": "local_authority", "is_active": "on"},
    ),
    "partnerships:organisation_delete": (Perm.MANAGE_PARTNERSHIP, ("post",), None),
    "partnerships:members": (Perm.VIEW, ("get",), None),
    "partnerships:member_invite": (
        Perm.MANAGE_MEMBERS,
        ("get", "post"),
        lambda side: {"email": "new.person@example.org", "role": "viewer"},
    ),
    "partnerships:member_edit": (Perm.MANAGE_MEMBERS, ("get", "post"), lambda side: {"role": "board"}),
    "partnerships:member_remove": (Perm.MANAGE_MEMBERS, ("post",), None),
    "partnerships:invitation_revoke": (Perm.MANAGE_MEMBERS, ("post",), None),
    "partnerships:audit": (Perm.VIEW_AUDIT, ("get",), None),
}
