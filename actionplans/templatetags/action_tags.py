from django import template

from ..views.common import owns_actions as _owns_actions

register = template.Library()


@register.filter
def overdue_on(action, today) -> bool:
    """Past its due date and not complete, whatever its status says."""
    return action.is_overdue(today)


@register.filter
def owns_actions(membership) -> bool:
    """``{% if membership|owns_actions %}``: see ``actionplans.views.common.owns_actions``."""
    return _owns_actions(membership)
