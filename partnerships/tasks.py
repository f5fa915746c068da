"""Celery tasks of the partnerships app: thin, taking ids."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task


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
    from .password_reset import send_email

    try:
        return send_email(user_id)
    except (SMTPException, OSError) as exc:  # the mail server is away: try again shortly
        raise self.retry(exc=exc, countdown=30 * (self.request.retries + 1)) from exc
