"""Periodic jobs of the action plan (scheduled in aspm/schedule.py)."""

from celery import shared_task


@shared_task(name="actionplans.tasks.record_overdue_actions", acks_late=True, time_limit=900, soft_time_limit=840)
def record_overdue_actions() -> dict:
    from .services.overdue import record_overdue_actions as run

    return run()
