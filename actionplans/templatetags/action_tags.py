from django import template

register = template.Library()


@register.filter
def overdue_on(action, today) -> bool:
    """Past its due date and not complete, whatever its status says."""
    return action.is_overdue(today)
