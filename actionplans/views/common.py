"""What the action plan's views share: who may change which action."""

from __future__ import annotations

from partnerships.access import Perm, can, role_can

from ..models import Action


def organisation_of(action: Action):
    return action.owner_organisation


def may_change(membership, action: Action) -> bool:
    return can(membership, Perm.UPDATE_OWN_ACTIONS, organisation=action.owner_organisation)


def mark_changeable(membership, actions) -> list[Action]:
    """Set ``can_change`` on each action (no queries: the organisation is compared by id)."""
    any_ = can(membership, Perm.UPDATE_ANY_ACTION)
    own = can(membership, Perm.UPDATE_OWN_ACTIONS, organisation=membership.organisation)
    actions = list(actions)
    for a in actions:
        a.can_change = any_ or (own and a.owner_organisation_id == membership.organisation_id)
    return actions


def owns_actions(membership) -> bool:
    """May this member's role own and update actions at all? A board member or a viewer may not:
    their "My actions" is the list of actions that need the board's attention instead."""
    return role_can(membership.role, Perm.UPDATE_OWN_ACTIONS) or role_can(membership.role, Perm.UPDATE_ANY_ACTION)
