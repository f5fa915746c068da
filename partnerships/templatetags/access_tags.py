"""Template helpers that ask the access layer, so templates show only what a role may do."""

from django import template

from partnerships.access import Perm, can

register = template.Library()


@register.filter(name="can")
def can_filter(membership, perm_name: str) -> bool:
    """``{% if membership|can:"edit_plan" %}`` — the same answer the view will give."""
    return can(membership, Perm(perm_name))


@register.simple_tag
def can_for(membership, perm_name: str, organisation=None) -> bool:
    """``{% can_for membership "update_own_actions" action.owner_organisation as ok %}``."""
    return can(membership, Perm(perm_name), organisation=organisation)
