"""Hand a report job to the workers. The Celery task is looked up by its name (``RENDER_TASK``, both
its Celery name and where ``reports.tasks`` defines it), so the engine and the services never import
the task module and the task module can import the engine without a cycle. If the broker cannot be reached the job stays
queued, says so, and the sweeper (``reports.tasks.sweep_report_jobs``) hands it over again later."""

from __future__ import annotations

import logging

from django.utils import timezone
from django.utils.module_loading import import_string

from reports.models import ReportJob, ReportJobStatus

from .engine import append_log

logger = logging.getLogger(__name__)

# The name queued jobs are looked up by in a real deployment: never change it (tests/test_import_graph.py
# checks that it names the task).
RENDER_TASK = "reports.tasks.render_annual_report"
QUEUE_UNREACHABLE = (
    "The task queue could not be reached, so the report has not started yet. Your request is kept: "
    "it will start by itself as soon as the queue is back (we check every minute)."
)


def enqueue(job_id: int) -> bool:
    from kombu.exceptions import OperationalError

    task = import_string(RENDER_TASK)  # importing it registers it, in a web process too
    try:
        task.apply_async(
            args=[job_id], retry=True, retry_policy={"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5}
        )
    except (OperationalError, ConnectionError) as exc:
        logger.warning("Could not queue report job %s: %s", job_id, exc)
        if ReportJob.objects.filter(pk=job_id, status=ReportJobStatus.QUEUED).exists():
            append_log(
                job_id,
                "The task queue could not be reached; the job will be queued again.",
                enqueue_error=QUEUE_UNREACHABLE[:300],
            )
        return False
    ReportJob.objects.filter(pk=job_id).update(enqueued_at=timezone.now(), enqueue_error="")
    return True
