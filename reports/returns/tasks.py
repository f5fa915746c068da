"""Celery tasks of the quarterly returns (thin: the work is in reminders.py)."""

from celery import shared_task


@shared_task(name="reports.returns.send_return_reminders", acks_late=True, time_limit=600, soft_time_limit=540)
def send_return_reminders() -> dict:
    """Idempotent: every email it sends is recorded under a unique key and never sent twice."""
    from .services.reminders import send_return_reminders as run

    return run()
