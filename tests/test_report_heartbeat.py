"""A report job whose worker was killed is found from its silent heartbeat within a minute or two
(not after twenty), marked failed, and offered for retry; a job whose worker still beats is left alone."""

from __future__ import annotations

import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.jobs import services
from reports.jobs.services import engine as jobs
from reports.models import ReportJob, ReportJobStatus
from reports.tasks import sweep_report_jobs

from .access_registry.reports import make_job

pytestmark = pytest.mark.django_db


def running_job(side, *, silent_for: timedelta) -> ReportJob:
    job = make_job(side, status=ReportJobStatus.RUNNING)
    ReportJob.objects.filter(pk=job.pk).update(
        percent=60,
        stage="layout",
        started_at=timezone.now() - timedelta(minutes=3),
        heartbeat_at=timezone.now() - silent_for,
    )
    job.refresh_from_db()
    return job


def _job_url(side, job, name="annual_job"):
    return reverse(f"reports:{name}", kwargs={"slug": side.slug, "pk": job.pk})


def test_a_running_job_whose_worker_went_silent_is_marked_failed_by_the_sweeper_and_offered_retry(
    a, login, django_capture_on_commit_callbacks
):
    job = running_job(a, silent_for=timedelta(minutes=2))
    sweep_report_jobs.delay().get()
    job.refresh_from_db()
    assert job.status == ReportJobStatus.FAILED and "stopped answering" in job.message
    client = login(a.coordinator)
    page = client.get(_job_url(a, job)).content.decode()
    assert "stopped answering" in page and "Try again" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_job_url(a, job, "annual_job_retry"))
    job.refresh_from_db()
    assert job.status == ReportJobStatus.DONE


def test_a_running_job_whose_worker_still_beats_is_left_alone_and_retry_is_refused(a):
    job = running_job(a, silent_for=timedelta(seconds=20))
    sweep_report_jobs.delay().get()
    job.refresh_from_db()
    assert job.status == ReportJobStatus.RUNNING
    with pytest.raises(Exception, match="being made right now"):
        services.report_retry(actor=a.coordinator, job=job)


def test_retry_of_a_silent_running_job_is_accepted_before_the_sweeper_comes(
    a, login, django_capture_on_commit_callbacks
):
    job = running_job(a, silent_for=timedelta(minutes=2))
    client = login(a.coordinator)
    progress = client.get(_job_url(a, job, "annual_job_progress")).content.decode()
    assert "has not been heard from" in progress and "Try again" in progress
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_job_url(a, job, "annual_job_retry"))
    job.refresh_from_db()
    assert job.status == ReportJobStatus.DONE and job.attempts == 1


@pytest.mark.django_db(transaction=True)
def test_the_worker_beats_while_the_pages_are_laid_out(a, settings):
    """The layout reports no progress; the heartbeat thread records the job as alive meanwhile."""
    settings.REPORT_HEARTBEAT_SECONDS = 0.05
    job = make_job(a, status=ReportJobStatus.QUEUED)
    beats_seen = threading.Event()
    heard = []

    def slow_layout(html, *, progress, timings, **_):
        before = ReportJob.objects.get(pk=job.pk).heartbeat_at
        real_beat = jobs.beat

        def beat_and_tell(job_id):
            real_beat(job_id)
            heard.append(ReportJob.objects.get(pk=job_id).heartbeat_at)
            if len(heard) >= 2:
                beats_seen.set()

        with mock.patch.object(jobs, "beat", beat_and_tell):
            assert beats_seen.wait(timeout=60), "no heartbeat while the pages were laid out"
        assert before is not None and heard[-1] > before
        raise RuntimeError("stop here: the heartbeat is what this test is about")

    with mock.patch.object(jobs, "render_pdf", slow_layout), pytest.raises(RuntimeError, match="stop here"):
        jobs.run_job(job.pk)
