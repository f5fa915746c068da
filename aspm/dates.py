"""The one way pages write dates (GOV.UK style): "12 November 2026" in text, "12/11/2026" in tables.

Templates use the filters of ``aspm/templatetags/dates.py`` (a builtin: no ``{% load %}``):
``{{ day|long_date }}``, ``{{ day|table_date }}``, ``{{ moment|long_datetime }}``. Python code that
writes a date for a person calls the functions here.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import dateformat, timezone

LONG = "j F Y"  # 12 November 2026
TABLE = "d/m/Y"  # 12/11/2026
LONG_WITH_TIME = "j F Y, H:i"  # 12 November 2026, 14:05


def _format(value, fmt: str) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        if fmt != LONG_WITH_TIME:
            value = value.date()
    elif not isinstance(value, date):
        return str(value)
    return dateformat.format(value, fmt)


def long_date(value) -> str:
    return _format(value, LONG)


def table_date(value) -> str:
    return _format(value, TABLE)


def long_datetime(value) -> str:
    return _format(value, LONG_WITH_TIME)
