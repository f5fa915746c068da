"""The GOV.UK error summary, for every form of the site (driven from base.html).

{% load govuk %}
<title>{% error_title_prefix %}…</title>   "Error: " when the page shows an error
{% error_summary %}                         "There is a problem", a link to each box needing a fix

The errors are those of every bound form in the page's context (crispy-forms or not: a field's box
has the id ``field.id_for_label``), plus ``error_summary``, a list of ``{"text", "href"}`` a view
gives when its boxes are not a Django form (a return's figures). The summary takes focus when the
page loads, and following a link puts focus in the box (static/js/aspm.js).
"""

from __future__ import annotations

from django import template
from django.forms import BaseForm, BaseFormSet

register = template.Library()

_CACHE = "_govuk_error_items"


def _forms(context):
    seen = set()
    for value in context.flatten().values():
        candidates = value.forms if isinstance(value, BaseFormSet) and value.is_bound else [value]
        for form in candidates:
            if isinstance(form, BaseForm) and form.is_bound and id(form) not in seen:
                seen.add(id(form))
                yield form


def error_items(context) -> list[dict]:
    """Each error on the page as ``{"text", "href"}`` (``href`` empty for a form-wide error)."""
    cached = context.render_context.get(_CACHE)
    if cached is not None:
        return cached
    items = []
    for form in _forms(context):
        if not form.errors:
            continue
        items.extend({"text": str(e), "href": ""} for e in form.non_field_errors())
        for field in form:
            # a group of checkboxes or radios has no box of its own: link to its first
            box = field.id_for_label or (f"{field.auto_id}_0" if field.auto_id else "")
            items.extend(
                {"text": f"{field.label}: {e}" if field.label else str(e), "href": f"#{box}" if box else ""}
                for e in field.errors
            )
    items.extend(context.get("error_summary") or [])
    context.render_context[_CACHE] = items
    return items


@register.simple_tag(takes_context=True)
def error_title_prefix(context) -> str:
    return "Error: " if error_items(context) else ""


@register.inclusion_tag("includes/error_summary.html", takes_context=True)
def error_summary(context) -> dict:
    return {"items": error_items(context)}
