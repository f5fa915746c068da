"""Start an annual report job: the annual kind's checks, then the job engine records and queues it
(``reports.jobs.services``, which also retries jobs and runs the free-text review)."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerships.models import Partnership, User
from reports.jobs.services import job_start
from reports.models import ReportJob, ReportKind

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
    return job_start(
        actor=actor,
        job=ReportJob(
            partnership=partnership,
            kind=ReportKind.ANNUAL,
            year_start=year.start,
            year_end=year.end,
            year_label=year.label,
            foreword=foreword.strip(),
            learning=learning.strip(),
            next_year_changes=next_year_changes.strip(),
            sections=ordered,
            for_publication=for_publication,
        ),
    )
