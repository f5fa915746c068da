"""Sending email: every message goes through :func:`send`, which makes its subject header-safe.

Django refuses a subject with a line break (BadHeaderError). Names are validated to one line
(:data:`aspm.validators.single_line`), but rows saved before that rule, or written another way,
must not turn an invitation or a reminder into a 500: the subject is folded to one line here.
"""

from __future__ import annotations

from django.core.mail import send_mail

from .validators import one_line


def send(*, subject: str, body: str, recipients: list[str], from_email: str | None = None) -> int:
    return send_mail(subject=one_line(subject), message=body, from_email=from_email, recipient_list=recipients)
