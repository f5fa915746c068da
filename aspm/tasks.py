"""Project-wide housekeeping tasks."""

from celery import shared_task
from django.core.management import call_command


@shared_task(name="aspm.tasks.clear_expired_sessions", acks_late=True, time_limit=300, soft_time_limit=270)
def clear_expired_sessions() -> None:
    call_command("clearsessions")


@shared_task(name="aspm.tasks.diagnostics_ping", acks_late=True, time_limit=30, soft_time_limit=25)
def diagnostics_ping(partnership_id: int) -> dict:
    """Round trip used by the health check and CI: the worker reads the shared database."""
    from partnerships.models import Partnership

    partnership = Partnership.objects.get(pk=partnership_id)
    return {"partnership": partnership.slug, "name": partnership.name}
