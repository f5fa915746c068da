"""The forms people type into spreadsheets, read the same way by every import.

Each reader returns the value or raises ValueError with a message that says which forms it accepts.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal, InvalidOperation

YES = {"yes", "y", "true", "1", "done", "met", "achieved"}
NO = {"no", "n", "false", "0", "not met"}
DATE_FORMS = "30/06/2016, 30 June 2016, 30 Jun 2016, June 2016 or 2016-06-30"
NUMBER_FORMS = "3250, 3,250.00, £3,250.00 or 80%"
YES_NO_FORMS = "yes or no (or 1 or 0)"
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y")
_MONTH_FORMATS = ("%B %Y", "%b %Y", "%m/%Y")


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def yes_no(value) -> str:
    """'yes'/'no' (any case), 'y'/'n', true/false, 1/0 → '1' or '0'; blank stays blank."""
    if isinstance(value, bool):
        return "1" if value else "0"
    raw = text(value).lower()
    if raw in ("", "1", "0"):
        return raw
    if raw in YES:
        return "1"
    if raw in NO:
        return "0"
    raise ValueError(f"“{text(value)}” is not yes or no: write {YES_NO_FORMS}.")


def number(value) -> str:
    """'£3,250.00' → '3250.00'; '80%' → '80'; numbers as they are. Blank stays blank."""
    raw = text(value)
    if not raw:
        return ""
    cleaned = re.sub(r"^[£$€]\s*|\s*%$", "", raw.replace(",", "").replace("\u00a0", "").replace(" ", ""))
    cleaned = cleaned.replace("£", "", 1) if cleaned.startswith("-£") else cleaned
    try:
        Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"“{raw}” is not a number: write {NUMBER_FORMS}.") from None
    return cleaned


def number_or_yes_no(value) -> str:
    """A figure or target: a number in any of its forms, or yes/no for a yes/no indicator."""
    try:
        return number(value)
    except ValueError:
        try:
            return yes_no(value)
        except ValueError:
            raise ValueError(
                f"“{text(value)}” is not a number or yes/no: write {NUMBER_FORMS}, or yes or no."
            ) from None


def date(value) -> dt.date | None:
    """A date in any of :data:`DATE_FORMS`; a month alone means its last day (a deadline "March 2017")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = " ".join(text(value).replace(",", " ").split())
    if not raw:
        return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", raw, flags=re.IGNORECASE)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    for fmt in _MONTH_FORMATS:
        try:
            first = dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    raise ValueError(f"“{raw}” is not a date: write {DATE_FORMS}.")
