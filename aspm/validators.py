"""Validators shared by models, forms and services: one rule, one place.

* :data:`single_line` — names and other values that end up in an email's subject or a header.
* :func:`validate_date_in_range` — dates people type are within 2000–2100.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

# Line breaks of any kind (and other control characters): Django refuses to put them in an email
# header (BadHeaderError), so a partnership named "A\r\nB" made every invitation fail with a 500.
LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")

single_line = RegexValidator(
    LINE_BREAKS,
    inverse_match=True,
    message="Write this on one line: it cannot contain line breaks or tabs.",
    code="line_break",
)


def one_line(text: str) -> str:
    """``text`` with every run of line breaks and control characters made one space (for headers)."""
    return re.sub(r"\s+", " ", LINE_BREAKS.sub(" ", str(text))).strip()


EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


def validate_date_in_range(value) -> None:
    """Refuse a date before 2000 or after 2100: a typing slip (0001-01-01, 9999-12-31), not a plan."""
    if value is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValidationError("Enter a date between 1 January 2000 and 31 December 2100.", code="date_out_of_range")
