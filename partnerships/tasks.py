"""Celery tasks of the partnerships app: thin, taking ids; and queueing them."""

from __future__ import annotations

import logging
from smtplib import SMTPException

from celery import shared_task

from .password_reset import send_email

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    name="partnerships.tasks.send_password_reset_email",
    acks_late=True,
    ignore_result=True,
    time_limit=120,
    soft_time_limit=100,
    max_retries=3,
)
def send_password_reset_email(self, user_id: int) -> bool:
    try:
        return send_email(user_id)
    except (SMTPException, OSError) as exc:  # the mail server is away: try again shortly
        raise self.retry(exc=exc, countdown=30 * (self.request.retries + 1)) from exc


def enqueue_password_reset_email(user_id: int) -> None:
    """Queue the reset email (called on commit). If the queue is unreachable the email is not sent
    (and says so in the log); the person can ask again."""
    from kombu.exceptions import OperationalError

    try:
        send_password_reset_email.delay(user_id)
    except OperationalError as exc:
        logger.warning("Could not queue the password reset email of user %s: %s", user_id, exc)
