"""Celery task of the monitoring reports (thin: the work is in services.py)."""

from celery import shared_task
from django.utils import timezone


@shared_task(name="reports.monitoring.open_due_reports", acks_late=True, time_limit=600, soft_time_limit=540)
def open_due_reports() -> int:
    """Idempotent: a report already open for a provider and period is never opened twice."""
    from .services import monitoring_reports_open_due

    return monitoring_reports_open_due(today=timezone.localdate())
