"""Numbers by unit in templates, through ``aspm.formatting.format_value`` (the one way figures are written).

{% load units %}
{{ figure.value|unit_value:indicator }}    the indicator's unit and precision
{{ value|in_unit:"percentage" }}           a unit by name
"""

from django import template

from aspm.formatting import format_for, format_value

register = template.Library()


@register.filter
def unit_value(value, indicator):
    return format_for(value, indicator)


@register.filter
def in_unit(value, unit):
    return format_value(value, unit)
