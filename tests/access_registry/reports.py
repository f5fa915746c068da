"""Access facts for the annual report's URLs (see access_registry/__init__.py)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from aspm.disclosure.free_text import sentence_digest
from partnerships.access import Perm
from reports.annual.years import year_containing
from reports.models import ReportJob, ReportJobStatus, ReportVersion

from .. import strategy_world as sw
from ..cast import Side

REVIEWED_SENTENCE = "Two people were helped at a nail bar."


def make_job(side: Side, *, status=ReportJobStatus.FAILED, for_publication=False, foreword="") -> ReportJob:
    year = year_containing(side.partnership, timezone.localdate())
    return ReportJob.objects.create(
        partnership=side.partnership,
        year_start=year.start,
        year_end=year.end,
        year_label=year.label,
        requested_by=side.coordinator,
        sections=["partnership"],
        status=status,
        message="The worker ran out of memory." if status == ReportJobStatus.FAILED else "",
        for_publication=for_publication,
        foreword=foreword,
    )


def make_review_job(side: Side, *, foreword: str = REVIEWED_SENTENCE) -> ReportJob:
    """A version for publication waiting for its text review, its foreword one flagged sentence."""
    return make_job(side, status=ReportJobStatus.REVIEW, for_publication=True, foreword=foreword)


def make_version(side: Side) -> ReportVersion:
    job = make_job(side, status=ReportJobStatus.DONE)
    name = default_storage.save(
        f"annual-reports/{side.partnership.pk}/{job.key}/report.pdf", ContentFile(b"%PDF-1.7 x")
    )
    return ReportVersion.objects.create(
        partnership=side.partnership,
        job=job,
        year_start=job.year_start,
        year_label=job.year_label,
        number=ReportVersion.objects.filter(partnership=side.partnership).count() + 1,
        file=name,
        sha256="0" * 64,
        size=10,
        pages=1,
        requested_by=side.coordinator,
        data_as_of=timezone.now(),
    )


def _job(side):
    return {"pk": make_job(side).pk}


def _version(side):
    return {"pk": make_version(side).pk}


def _review_job(side):
    return {"pk": make_review_job(side).pk}


def _empty_review_job(side):
    return {"pk": make_review_job(side, foreword="").pk}


def _decision_data(side):
    job = ReportJob.objects.filter(partnership=side.partnership, status=ReportJobStatus.REVIEW).latest("id")
    return {
        "source": f"annual:{job.year_start.isoformat()}:foreword",
        "digest": sentence_digest(REVIEWED_SENTENCE),
        "decision": "approved",
    }


OBJECT_KWARGS = {
    "reports:publication_review": _review_job,
    "reports:publication_review_decide": _review_job,
    "reports:publication_review_finish": _empty_review_job,
    "reports:annual_job": _job,
    "reports:annual_job_progress": _job,
    "reports:annual_job_retry": _job,
    "reports:annual_job_web": _job,
    "reports:annual_version": _version,
    "reports:annual_version_download": _version,
    "reports:funder_report_start": lambda side: {"pk": sw.agreement(side).pk},
}


def _start_data(side):
    year = year_containing(side.partnership, timezone.localdate())
    return {"year": year.start.year, "sections": ["partnership"]}


MATRIX = {
    "reports:publication_review": (Perm.START_REPORT, ("get",), None),
    "reports:publication_review_decide": (Perm.START_REPORT, ("post",), _decision_data),
    "reports:publication_review_finish": (Perm.START_REPORT, ("post",), lambda side: {}),
    "reports:annual_list": (Perm.DOWNLOAD_REPORT, ("get",), None),
    "reports:annual_start": (Perm.START_REPORT, ("get", "post"), _start_data),
    "reports:annual_job": (Perm.DOWNLOAD_REPORT, ("get",), None),
    "reports:annual_job_progress": (Perm.DOWNLOAD_REPORT, ("get",), None),
    "reports:annual_job_web": (Perm.DOWNLOAD_REPORT, ("get",), None),
    "reports:annual_job_retry": (Perm.START_REPORT, ("post",), lambda side: {}),
    "reports:annual_version": (Perm.DOWNLOAD_REPORT, ("get",), None),
    "reports:annual_version_download": (Perm.DOWNLOAD_REPORT, ("get",), None),
    # the funder's report on a year of an agreement (the cast's run from April 2025)
    "reports:funder_report_start": (Perm.START_REPORT, ("post",), lambda side: {"year": "2025-04-01"}),
}
