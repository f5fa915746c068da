"""Every change to annual report jobs: start one, try a failed one again. Versions are written
only by the job itself (``reports.annual.jobs.finalise``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerships import audit
from partnerships.models import Partnership, User
from reports.models import ReportJob, ReportJobStatus, ReportStage

from . import jobs
from .registry import choosable_sections
from .years import FinancialYear, year_containing

MAX_TEXT = 10_000


def report_start(
    *,
    actor: User,
    partnership: Partnership,
    year: FinancialYear,
    foreword: str = "",
    learning: str = "",
    next_year_changes: str = "",
    sections: Sequence[str],
    for_publication: bool = False,
) -> ReportJob:
    """Record the request and queue it once the transaction commits. Returns at once."""
    errors = {}
    known = {s.key for s in choosable_sections()}
    unknown = set(sections) - known
    if unknown:
        errors["sections"] = f"Unknown sections: {', '.join(sorted(unknown))}."
    if not sections:
        errors["sections"] = "Choose at least one section to include."
    if year.start > year_containing(partnership, timezone.localdate()).start:
        errors["year"] = "That financial year has not started yet."
    for name, text in (("foreword", foreword), ("learning", learning), ("next_year_changes", next_year_changes)):
        if len(text) > MAX_TEXT:
            errors[name] = f"Keep this under {MAX_TEXT:,} characters (it is {len(text):,})."
    if errors:
        raise ValidationError(errors)
    ordered = [s.key for s in choosable_sections() if s.key in set(sections)]
    with transaction.atomic():
        job = audit.create(
            actor=actor,
            obj=ReportJob(
                partnership=partnership,
                year_start=year.start,
                year_end=year.end,
                year_label=year.label,
                requested_by=actor,
                foreword=foreword.strip(),
                learning=learning.strip(),
                next_year_changes=next_year_changes.strip(),
                sections=ordered,
                for_publication=for_publication,
                log=[jobs._line(f"Requested by {actor}.")],
            ),
        )
        transaction.on_commit(partial(jobs.enqueue, job.pk))
    return job


def report_retry(*, actor: User, job: ReportJob) -> ReportJob:
    """Queue a failed job again (or one the queue never accepted, or a running one whose worker
    stopped beating). A finished job is never re-run: start a new report to make a new version."""
    if job.status == ReportJobStatus.DONE:
        raise ValidationError("This report is finished. Start a new one to make a new version.")
    if job.status == ReportJobStatus.RUNNING and not jobs.is_stalled(job):
        raise ValidationError("This report is being made right now.")
    with transaction.atomic():
        audit.update(
            actor=actor,
            obj=job,
            action="reportjob.retry",
            values={
                "status": ReportJobStatus.QUEUED,
                "stage": ReportStage.WAITING,
                "percent": 0,
                "message": "",
                "finished_at": None,
                "log": [*job.log, jobs._line(f"{actor} asked to try again.")],
            },
        )
        transaction.on_commit(partial(jobs.enqueue, job.pk))
    return job
