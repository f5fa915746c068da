"""Template filters for a return's rows."""

from django import template

from reports.returns.views.rows import action_groups as _action_groups

register = template.Library()


@register.filter
def action_groups(rows: list[dict]) -> list[dict]:
    """A return's action rows by strand when there are many (``rows.action_groups``)."""
    return _action_groups(rows)
