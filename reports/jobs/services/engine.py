"""Running a report job of any kind (``reports.jobs.kinds``): the worker side (render, archive,
finalise) and the sweeper's reads (jobs to queue again, stalled jobs). Queueing: ``reports.jobs.services.queue``.

Exactly one version per job, however often the task runs and wherever a worker dies:

1. the PDF is made in memory, then written under a fresh, random name in the job's own folder
   (``annual-reports/<partnership>/<job key>/``) — no row points to it yet;
2. the version row is written in one transaction that locks the job row and first checks that
   the job is not already done; a second run that gets there later deletes its own file;
3. once a job is done, any other file in its folder (left by a run killed while writing) is
   deleted, so the folder holds only the archived PDF. A task that finds its job done does no work.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import close_old_connections, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from partnerships import audit
from partnerships.models import Partnership
from reports import disclosure_ledger
from reports.models import ReportJob, ReportJobStatus, ReportStage, ReportVersion
from reports.review import UnreviewedText
from reports.services import ledger

from ..kinds import kind_of
from ..pdf import Timings, render_pdf

logger = logging.getLogger(__name__)

STALE_QUEUED_AFTER = timedelta(minutes=30)
# A running job's worker records a heartbeat at each progress step and, while WeasyPrint lays the
# pages out, every REPORT_HEARTBEAT_SECONDS (settings). A job silent for longer than this has lost
# its worker (killed, restarted, out of memory): the sweeper marks it failed and Retry is offered.
STALLED_AFTER = timedelta(seconds=90)
STALLED_MESSAGE = (
    "The worker making this report stopped answering (it may have been restarted), so the report was not "
    "finished. Try again."
)


# --------------------------------------------------------------------------- helpers
def job_folder(job: ReportJob) -> str:
    # every kind's versions are kept under annual-reports/ (the folder existing files are in)
    return f"annual-reports/{job.partnership_id}/{job.key}"


def log_line(text: str) -> dict:
    """One line of a job's log, stamped now."""
    return {"at": timezone.now().isoformat(timespec="seconds"), "text": text}


def append_log(job_id: int, text: str, **fields) -> None:
    """Add a line to the job's log (and set ``fields``) without touching anything else."""
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().get(pk=job_id)
        job.log = [*job.log, log_line(text)][-200:]
        for name, value in fields.items():
            setattr(job, name, value)
        job.save(update_fields=["log", "updated_at", *fields])


def set_progress(job_id: int, stage: str, percent: int) -> None:
    now = timezone.now()
    ReportJob.objects.filter(pk=job_id).exclude(status=ReportJobStatus.DONE).update(
        stage=stage, percent=min(max(percent, 0), 100), updated_at=now, heartbeat_at=now
    )


def beat(job_id: int) -> None:
    """The worker is still making this job's report."""
    ReportJob.objects.filter(pk=job_id, status=ReportJobStatus.RUNNING).update(heartbeat_at=timezone.now())


@contextmanager
def heartbeat(job_id: int, every: float | None = None):
    """Beat every ``every`` seconds (``REPORT_HEARTBEAT_SECONDS``) from a thread while the block runs:
    WeasyPrint's layout reports no progress for as long as it takes. 0 switches the thread off.
    The thread has its own database connection, closed when it ends."""
    every = settings.REPORT_HEARTBEAT_SECONDS if every is None else every
    if not every:
        yield
        return
    stop = threading.Event()

    def run() -> None:
        try:
            while not stop.wait(every):
                try:
                    beat(job_id)
                except Exception:  # a missed beat is not worth failing the report for
                    logger.warning("Could not record the heartbeat of report job %s", job_id, exc_info=True)
                    close_old_connections()
        finally:
            connection.close()  # the thread's own database connection

    thread = threading.Thread(target=run, name=f"report-{job_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=every + 5)


def is_stalled(job: ReportJob, *, now=None) -> bool:
    """A running job whose worker has not been heard from for STALLED_AFTER."""
    if job.status != ReportJobStatus.RUNNING:
        return False
    last = job.heartbeat_at or job.started_at or job.updated_at
    return last is not None and last < (now or timezone.now()) - STALLED_AFTER


# --------------------------------------------------------------------------- worker side
def run_job(job_id: int) -> str:
    """Make the report of one job. Safe to call again: a finished job is left as it is."""
    job = ReportJob.objects.select_related("partnership", "requested_by").filter(pk=job_id).first()
    if job is None:
        return "missing"
    if job.status == ReportJobStatus.DONE:
        remove_stray_files(job)
        return "already done"
    with transaction.atomic():
        locked = ReportJob.objects.select_for_update().get(pk=job_id)
        if locked.status == ReportJobStatus.DONE:
            return "already done"
        if locked.status == ReportJobStatus.REVIEW:  # only the coordinator's "make it" queues it
            return "waiting for review"
        attempt = locked.attempts + 1
        locked.log = [*locked.log, log_line(f"Attempt {attempt} started.")]
        locked.status, locked.stage, locked.percent = ReportJobStatus.RUNNING, ReportStage.GATHERING, 5
        locked.attempts, locked.started_at, locked.message = attempt, timezone.now(), ""
        locked.heartbeat_at, locked.finished_at = locked.started_at, None
        locked.save(
            update_fields=[
                "log",
                "status",
                "stage",
                "percent",
                "attempts",
                "started_at",
                "heartbeat_at",
                "finished_at",
                "message",
                "updated_at",
            ]
        )

    def progress(stage: str, percent: int) -> None:
        set_progress(job_id, stage, percent)

    timings = Timings()
    # heartbeat: progress steps beat too, but one section or the layout can take minutes;
    # collecting: the counts a version for publication prints, for the disclosure ledger
    with heartbeat(job_id), disclosure_ledger.collecting() as printed:
        try:
            html, as_of = kind_of(job).html(job, progress=progress, timings=timings)
        except UnreviewedText as unreviewed:
            send_back_to_review(job_id, str(unreviewed))
            return "needs review"
        pdf = render_pdf(html, progress=progress, timings=timings, partnership_id=job.partnership_id)
    progress(ReportStage.SAVING, 96)
    name = store_pdf(job, pdf.content)
    note = (
        f"Rendered {pdf.pages} pages: data {timings.gather:.1f} s, charts {timings.charts:.1f} s, "
        f"layout {timings.layout:.1f} s."
    )
    if pdf.refused_urls:
        note += f" Refused {len(pdf.refused_urls)} outside address(es)."
    version = finalise(job_id, name=name, content=pdf.content, pages=pdf.pages, as_of=as_of, note=note, printed=printed)
    return "done" if version.file.name == name else "already done"


def store_pdf(job: ReportJob, content: bytes) -> str:
    """Write the PDF under a new random name in the job's folder; no row refers to it yet."""
    return default_storage.save(f"{job_folder(job)}/{secrets.token_hex(12)}.pdf", ContentFile(content))


def finalise(job_id: int, *, name: str, content: bytes, pages: int, as_of, note: str, printed=()) -> ReportVersion:
    """Record the version, once, and (a version for publication) the counts it printed in the
    disclosure ledger. Locks the job row; a job already done keeps its version."""
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().select_related("partnership").get(pk=job_id)
        existing = ReportVersion.objects.filter(job_id=job_id).first()
        if job.status == ReportJobStatus.DONE or existing is not None:
            transaction.on_commit(lambda: default_storage.delete(name))
            return existing
        # One numbering at a time per partnership: lock its row while the next number is taken.
        Partnership.objects.select_for_update().filter(pk=job.partnership_id).first()
        # numbered per partnership, kind and year; a funder's report per agreement and year
        latest = ReportVersion.objects.filter(
            partnership_id=job.partnership_id, kind=job.kind, year_start=job.year_start, agreement_id=job.agreement_id
        ).aggregate(n=Max("number"))["n"]
        version = audit.create(
            actor=job.requested_by,
            obj=ReportVersion(
                partnership=job.partnership,
                job=job,
                kind=job.kind,
                agreement_id=job.agreement_id,
                year_start=job.year_start,
                year_label=job.year_label,
                number=(latest or 0) + 1,
                file=name,
                sha256=hashlib.sha256(content).hexdigest(),
                size=len(content),
                pages=pages,
                requested_by=job.requested_by,
                data_as_of=as_of,
                for_publication=job.for_publication,
            ),
        )
        if job.for_publication:
            ledger.ledger_record(
                partnership=job.partnership,
                printed=list(printed),
                output=f"{version} (for publication)",
                actor=job.requested_by,
            )
        job.status, job.stage, job.percent = ReportJobStatus.DONE, ReportStage.FINISHED, 100
        job.finished_at, job.message = timezone.now(), ""
        archived = f"Version {version.number} archived (SHA-256 {version.sha256[:12]}…)."
        job.log = [*job.log, log_line(note), log_line(archived)]
        job.save(update_fields=["status", "stage", "percent", "finished_at", "message", "log", "updated_at"])
    transaction.on_commit(lambda: remove_stray_files(job))
    return version


def remove_stray_files(job: ReportJob) -> list[str]:
    """Delete files in a finished job's folder that are not its archived version (from killed runs)."""
    version = ReportVersion.objects.filter(job_id=job.pk).first()
    if version is None:
        return []
    try:
        _dirs, files = default_storage.listdir(job_folder(job))
    except (FileNotFoundError, NotImplementedError):
        return []
    removed = []
    for filename in files:
        path = f"{job_folder(job)}/{filename}"
        if path != version.file.name:
            default_storage.delete(path)
            removed.append(path)
    if removed:
        logger.info("Removed %d unfinished file(s) of report job %s", len(removed), job.pk)
    return removed


def send_back_to_review(job_id: int, message: str) -> None:
    """A version for publication whose words changed after the review (a return approved again, an
    outcome edited) found a flagged sentence without a decision: nothing is published; the job goes
    back to the review, which lists the new sentence, and waits for the coordinator again."""
    append_log(
        job_id,
        f"Sent back to the review: {message}",
        status=ReportJobStatus.REVIEW,
        stage=ReportStage.WAITING,
        percent=0,
        message=message,
        finished_at=None,
    )


def mark_failed(job_id: int, message: str) -> None:
    append_log(job_id, f"Failed: {message}", status=ReportJobStatus.FAILED, message=message, finished_at=timezone.now())


# --------------------------------------------------------------------------- sweeper side
def jobs_to_sweep():
    """Queued jobs that no worker holds: never accepted by the queue, or queued far too long."""
    now = timezone.now()
    return ReportJob.objects.filter(
        Q(status=ReportJobStatus.QUEUED, enqueued_at__isnull=True)
        | Q(status=ReportJobStatus.QUEUED, enqueued_at__lt=now - STALE_QUEUED_AFTER)
    ).order_by("created_at")


def stalled_jobs():
    """Running jobs whose worker has been silent for STALLED_AFTER (see ``is_stalled``)."""
    silent_since = timezone.now() - STALLED_AFTER
    return ReportJob.objects.filter(status=ReportJobStatus.RUNNING).filter(
        Q(heartbeat_at__lt=silent_since)
        | Q(heartbeat_at__isnull=True, started_at__lt=silent_since)
        | Q(heartbeat_at__isnull=True, started_at__isnull=True, updated_at__lt=silent_since)
    )


def mark_stalled(job_id: int) -> bool:
    """Mark a running job whose worker went silent as failed (so Retry is offered). Checked again
    under the row lock: a job that beat or finished meanwhile is left alone."""
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or not is_stalled(job):
            return False
        job.status, job.message, job.finished_at = ReportJobStatus.FAILED, STALLED_MESSAGE, timezone.now()
        job.log = [*job.log, log_line("Failed: the worker stopped answering.")][-200:]
        job.save(update_fields=["status", "message", "finished_at", "log", "updated_at"])
    logger.warning("Report job %s: its worker stopped answering; marked failed", job_id)
    return True
