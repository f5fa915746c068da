"""Numbers by unit in templates, through ``aspm.formatting.format_value`` (the one way figures are written).

{% load units %}
{{ figure.value|unit_value:indicator }}    an organisation's figure: the indicator's unit and precision
{{ cell.actual|combined_value:indicator }} the partnership's figure or target (a share saying yes is a %)
{{ cell|combined_actual:indicator }}       a results cell's actual, or "not combinable"
{{ value|in_unit:"percentage" }}           a unit by name
"""

from django import template

from aspm.formatting import format_combined, format_for, format_value

register = template.Library()


@register.filter
def unit_value(value, indicator):
    return format_for(value, indicator)


@register.filter
def combined_value(value, indicator):
    """The partnership's figure or target: in the unit the indicator's roll-up gives."""
    return format_combined(value, indicator)


@register.filter
def combined_actual(cell, indicator):
    """A partnership figure's cell in words: its actual in the combined unit, or "not combinable"."""
    return cell.actual_text_for(indicator)


@register.filter
def in_unit(value, unit):
    return format_value(value, unit)
