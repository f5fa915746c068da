"""Every change to report jobs of any kind: record and queue a new job, try a failed one again, and
the free-text review of a version for publication. Versions are written only by the job itself
(``reports.jobs.services.engine.finalise``); what a kind checks before a job is recorded is the kind's
(``reports.annual.services.report_start``, ``reports.returns.quarterly_pdf.quarterly_job_start``)."""

from __future__ import annotations

from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from aspm.disclosure import free_text
from aspm.fields import refuse_too_long
from partnerships import audit
from partnerships.access import scoped
from partnerships.models import User
from reports.models import ReportJob, ReportJobStatus, ReportStage, TextDecision, TextDecisionKind

from .. import selectors
from . import queue
from .engine import is_stalled, log_line

REVIEW_FIRST = "Waiting for the free-text review before it is made."


def job_start(*, actor: User, job: ReportJob) -> ReportJob:
    """Record ``job`` (unsaved, its kind's fields set) as requested by ``actor``, audited, and queue it once
    the transaction commits. A version for publication waits for the free-text review first
    (``publication_review_finish`` queues it)."""
    job.requested_by = actor
    job.status = ReportJobStatus.REVIEW if job.for_publication else ReportJobStatus.QUEUED
    requested = log_line(f"Requested by {actor}.")
    job.log = [requested, log_line(REVIEW_FIRST)] if job.for_publication else [requested]
    with transaction.atomic():
        job = audit.create(actor=actor, obj=job)
        if not job.for_publication:
            transaction.on_commit(partial(queue.enqueue, job.pk))
    return job


def report_retry(*, actor: User, job: ReportJob) -> ReportJob:
    """Queue a failed job again (or one the queue never accepted, or a running one whose worker
    stopped beating). A finished job is never re-run: start a new report to make a new version."""
    if job.status == ReportJobStatus.DONE:
        raise ValidationError("This report is finished. Start a new one to make a new version.")
    if job.status == ReportJobStatus.REVIEW:
        raise ValidationError("This version for publication is waiting for its text review. Finish the review first.")
    if job.status == ReportJobStatus.RUNNING and not is_stalled(job):
        raise ValidationError("This report is being made right now.")
    return _queue(actor=actor, job=job, action="reportjob.retry", line=f"{actor} asked to try again.")


def _queue(*, actor: User, job: ReportJob, action: str, line: str) -> ReportJob:
    """Put ``job`` back in the queue from the start (audited as ``action``, ``line`` in its log); it is
    sent to the workers once the transaction commits."""
    with transaction.atomic():
        audit.update(
            actor=actor,
            obj=job,
            action=action,
            values={
                "status": ReportJobStatus.QUEUED,
                "stage": ReportStage.WAITING,
                "percent": 0,
                "message": "",
                "finished_at": None,
                "log": [*job.log, log_line(line)],
            },
        )
        transaction.on_commit(partial(queue.enqueue, job.pk))
    return job


# --------------------------------------------------------------------------- the free-text review
def _in_review(job: ReportJob) -> None:
    if job.status != ReportJobStatus.REVIEW:
        raise ValidationError("This report is not waiting for a text review.")


def text_decision_record(
    *,
    actor: User,
    job: ReportJob,
    source: str,
    digest: str,
    decision: str,
    replacement: str = "",
    confirm: bool = False,
) -> TextDecision:
    """Record the coordinator's decision on one flagged sentence of a version for publication: approve
    it as written, or print ``replacement`` instead (empty: leave the sentence out). Edited words are
    scanned again; words that are still flagged are kept only when ``confirm`` says they were meant.
    The decision is the partnership's, for this source and sentence: a later version does not ask again."""
    _in_review(job)
    if decision not in TextDecisionKind.values:
        raise ValidationError({"decision": "Choose whether to approve the sentence or replace it."})
    review = selectors.publication_review(job)
    item = next((i for i in review.items if i.source == source and i.digest == digest), None)
    if item is None:
        raise ValidationError("That sentence is no longer in the report's words. The list below is up to date.")
    replacement = " ".join(replacement.split()) if decision == TextDecisionKind.EDITED else ""
    reasons = item.reasons
    if decision == TextDecisionKind.EDITED:
        refuse_too_long(TextDecision, {"replacement": replacement})
        still = free_text.reasons_in(replacement, threshold=review.threshold)
        if still and not confirm:
            raise ValidationError(
                {
                    "replacement": "The new words are still flagged: the sentence "
                    + "; it ".join(str(r) for r in still)
                    + ". Change them, or tick “Publish these words as they are” to confirm that they can be published."
                }
            )
    values = {
        "sentence": item.sentence,
        "reasons": reasons,
        "decision": decision,
        "replacement": replacement,
        "decided_by": actor,
        "decided_at": timezone.now(),
    }
    with transaction.atomic():
        existing = (
            scoped(job.partnership, TextDecision).select_for_update().filter(source=source, digest=digest).first()
        )
        if existing is not None:
            return audit.update(actor=actor, obj=existing, values=values, action="textdecision.update")
        try:
            with transaction.atomic():  # a savepoint: two coordinators deciding the same sentence at once
                return audit.create(
                    actor=actor, obj=TextDecision(partnership=job.partnership, source=source, digest=digest, **values)
                )
        except IntegrityError:
            raise ValidationError(
                "Someone else decided this sentence at the same moment. The list below shows their decision."
            ) from None


def publication_review_finish(*, actor: User, job: ReportJob) -> ReportJob:
    """Queue the version for publication once every flagged sentence has a decision."""
    _in_review(job)
    review = selectors.publication_review(job)
    missing = review.unreviewed
    if missing:
        total = len(review.items)
        raise ValidationError(
            f"{len(missing)} of {total} flagged sentence{'s' if total != 1 else ''} "
            f"{'are' if len(missing) != 1 else 'is'} not reviewed yet. Approve or edit each one before making "
            "the publication version."
        )
    decided = f"{actor} finished the text review ({len(review.items)} flagged sentence(s) decided)."
    return _queue(actor=actor, job=job, action="reportjob.review_finished", line=decided)
