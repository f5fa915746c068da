"""Housekeeping for imports: uploads abandoned between the check and the confirmation."""

from celery import shared_task


@shared_task(name="imports.sweep_uploads", acks_late=True, time_limit=300, soft_time_limit=270)
def sweep_uploads() -> int:
    from .stored import sweep

    return sweep()
