"""Template filters for dates, one format each (aspm/dates.py); a builtin, so no {% load %} is needed."""

from django import template

from aspm import dates

register = template.Library()
register.filter("long_date", dates.long_date)
register.filter("table_date", dates.table_date)
register.filter("long_datetime", dates.long_datetime)
