"""A real Celery worker on Redis is killed (SIGKILL) while it writes the report; a new worker
finishes the job: exactly one version, and no half-written file left behind.

Needs REDIS_URL and a database the worker can share (PostgreSQL, as in CI); skipped otherwise.
The worker listens on a queue of its own, so CI's worker does not take the task.
"""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from pypdf import PdfReader

from aspm.celery import app
from reports.annual.registry import default_section_keys
from reports.jobs.services import engine as jobs
from reports.models import ReportJob, ReportJobStatus, ReportVersion
from reports.tasks import render_annual_report

from .access_registry.reports import make_job
from .annual_plan import load_plan

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parent.parent


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        pytest.skip("the worker needs a database it can share: run with DATABASE_URL=postgres://…")
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _start_worker(queue: str, env: dict, log: Path, *, hang: bool) -> subprocess.Popen:
    worker_env = {**env, **({"ASPM_TEST_HANG_WHILE_STORING": "1"} if hang else {})}
    if not hang:
        worker_env.pop("ASPM_TEST_HANG_WHILE_STORING", None)
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "aspm", "worker", "--pool=prefork", "--concurrency=1",
         "-Q", queue, "-n", f"{queue}@%h", "--without-gossip", "--without-mingle", "--loglevel=INFO"],
        cwd=ROOT, env=worker_env, stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip


def _stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if worker.poll() is not None:
        return
    try:
        os.killpg(worker.pid, sig)
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=20)
    except ProcessLookupError:
        pass


def _wait(condition, seconds: float, what: str, log: Path):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    pytest.fail(f"Timed out waiting for {what}. Worker log:\n{log.read_text()[-3000:]}")


def test_a_worker_killed_while_writing_the_report_leaves_exactly_one_finished_version(a, settings, tmp_path):
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("REDIS_URL is not set: this test needs a real broker")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONUNBUFFERED": "1",
    }
    load_plan(a.partnership, make_job(a, status=ReportJobStatus.QUEUED).year_start, objectives=2)
    job = make_job(a, status=ReportJobStatus.QUEUED)
    ReportJob.objects.filter(pk=job.pk).update(sections=default_section_keys())
    folder = jobs.job_folder(job)
    queue = f"annual-kill-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"

    app.conf.task_always_eager = False
    first = _start_worker(queue, env, log, hang=True)
    try:
        render_annual_report.apply_async(args=[job.pk], queue=queue)
        _wait(lambda: default_storage.exists(f"{folder}/partial.pdf"), 180, "the first worker to start writing", log)
        _stop(first, signal.SIGKILL)  # the whole worker: main process and its child, mid-write
        assert ReportVersion.objects.filter(job=job).count() == 0
        assert ReportJob.objects.get(pk=job.pk).status == ReportJobStatus.RUNNING

        second = _start_worker(queue, env, log, hang=False)
        try:
            _wait(
                lambda: ReportJob.objects.get(pk=job.pk).status == ReportJobStatus.DONE,
                180,
                "the second worker to finish the job",
                log,
            )
            _wait(  # the clean-up runs just after the commit
                lambda: len(default_storage.listdir(folder)[1]) == 1, 60, "the clean-up of the partial file", log
            )
        finally:
            _stop(second)
    finally:
        app.conf.task_always_eager = True
        _stop(first, signal.SIGKILL)

    versions = list(ReportVersion.objects.filter(job=job))
    assert len(versions) == 1
    _dirs, files = default_storage.listdir(folder)
    assert [f"{folder}/{name}" for name in files] == [versions[0].file.name]
    with default_storage.open(versions[0].file.name, "rb") as handle:
        content = handle.read()
    assert hashlib.sha256(content).hexdigest() == versions[0].sha256
    assert len(PdfReader(io.BytesIO(content)).pages) == versions[0].pages
    assert ReportJob.objects.get(pk=job.pk).attempts == 2
