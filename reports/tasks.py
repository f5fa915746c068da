"""Celery tasks of the reports app: thin, taking ids; the work is in the report-job engine
(``reports.jobs``), which queues by task name (``reports.jobs.services.queue.RENDER_TASK``). The names are the ones
queued jobs are looked up by in a deployment: keep them (the render task makes every kind of report)."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError

from reports.jobs.services import engine as jobs
from reports.jobs.services import queue
from reports.jobs.services.queue import RENDER_TASK

logger = logging.getLogger(__name__)

RETRYABLE = (DatabaseError, OSError)


@shared_task(
    bind=True,
    name=RENDER_TASK,
    acks_late=True,
    reject_on_worker_lost=True,  # a killed worker's job goes back on the queue; the task is idempotent
    time_limit=10 * 60,
    soft_time_limit=9 * 60,
    max_retries=3,
    # The job row holds the outcome; no result is stored, so queueing never waits for the result store.
    ignore_result=True,
)
def render_annual_report(self, job_id: int) -> str:
    try:
        return jobs.run_job(job_id)
    except SoftTimeLimitExceeded:
        jobs.mark_failed(
            job_id,
            "The report took longer than ten minutes to make and was stopped. Try again, perhaps with fewer sections.",
        )
        return "failed"
    except RETRYABLE as exc:
        if self.request.retries < self.max_retries:
            jobs.append_log(job_id, f"A temporary problem ({type(exc).__name__}); trying again shortly.")
            raise self.retry(exc=exc, countdown=5 * (self.request.retries + 1)) from exc
        jobs.mark_failed(job_id, f"The report could not be made after several tries ({type(exc).__name__}).")
        return "failed"
    except Exception as exc:
        logger.exception("Report job %s failed", job_id)
        jobs.mark_failed(job_id, f"Something went wrong while making the report ({type(exc).__name__}: {exc}).")
        return "failed"


@shared_task(name="reports.tasks.sweep_report_jobs", acks_late=True, time_limit=120, soft_time_limit=100)
def sweep_report_jobs() -> int:
    """Every minute: hand over again the jobs the queue never accepted (broker down) or lost, and mark
    failed the running jobs whose worker stopped beating (Retry is then offered). Safe to run twice."""
    for job_id in jobs.stalled_jobs().values_list("pk", flat=True)[:50]:
        jobs.mark_stalled(job_id)
    count = 0
    for job_id in jobs.jobs_to_sweep().values_list("pk", flat=True)[:50]:
        count += queue.enqueue(job_id)
    return count
