"""Shared by the reminder tests (quarterly returns and monitoring reports): running the reminder job
twice (each reminder must go once) and the emails one person got. Their fake clock is the
``reminder_clock`` fixture (tests/conftest.py)."""

from __future__ import annotations

from django.core import mail

from reports.returns.tasks import send_return_reminders


def run_twice():
    send_return_reminders.delay()
    send_return_reminders.delay()


def sent_to(email):
    return [m for m in mail.outbox if email in m.to]
