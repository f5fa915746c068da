"""Asking for a funder's report: one financial year of one funding agreement."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from indicators.models import FundingAgreement
from indicators.strategy.services.funding import agreement_years
from partnerships.models import User
from reports.jobs import selectors as job_selectors
from reports.jobs.services import job_start, publication_review_finish
from reports.models import ReportJob, ReportKind

from ..annual.years import FinancialYear
from ..annual.years import year_containing as financial_year


def funder_report_start(*, actor: User, agreement: FundingAgreement, year_start: date) -> ReportJob:
    """Record the request for the funder's report on the agreement's year beginning ``year_start`` and
    queue it once the transaction commits. The report leaves the partnership, so it is a version for
    publication: if its free text has a flagged sentence without a decision it waits for the coordinator's
    review (``publication_review_finish`` queues it then); otherwise it is queued at once."""
    today = timezone.localdate()
    if year_start not in agreement_years(agreement):
        raise ValidationError({"year": f"Choose one of the years “{agreement}” runs in."})
    if year_start > today:
        raise ValidationError({"year": "That year of the agreement has not started yet."})
    year: FinancialYear = financial_year(agreement.partnership, year_start)
    with transaction.atomic():
        job = job_start(
            actor=actor,
            job=ReportJob(
                partnership=agreement.partnership,
                kind=ReportKind.FUNDER,
                agreement=agreement,
                year_start=year.start,
                year_end=year.end,
                year_label=year.label,
                sections=["funder"],  # the field may not be blank; the annual sections do not apply
                for_publication=True,
            ),
        )
        if not job_selectors.publication_review(job).unreviewed:
            job = publication_review_finish(actor=actor, job=job)
    return job
