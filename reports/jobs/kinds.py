"""The registry of report kinds the job engine makes: one line per kind, naming its :class:`Kind`.

A kind gives the engine the report's HTML (``html``), the free text a version for publication would
print, for the review (``review``), and where its pages live (``back``). The engine, the review and
the sweeper read a kind through :func:`kind_of`, so they import no report's code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.utils.module_loading import import_string

from reports.models import ReportJob, ReportKind

KINDS: dict[str, str] = {
    ReportKind.ANNUAL: "reports.annual.kind.ANNUAL",
    ReportKind.QUARTERLY: "reports.returns.quarterly_pdf.QUARTERLY",
    ReportKind.FUNDER: "reports.funder.kind.FUNDER",
}


@dataclass(frozen=True)
class Kind:
    key: str
    # html(job, *, progress, timings) -> (html, data as of): raises reports.review.UnreviewedText when a
    # version for publication would print a flagged sentence without a decision
    html: Callable
    # review(job, policy) -> reports.review.TextReview of the words a version for publication prints
    review: Callable
    back: tuple[str, str]  # (link text, URL name) of the list the kind's pages go back to


@cache
def kind(key: str) -> Kind:
    return import_string(KINDS[key])


def kind_of(job: ReportJob) -> Kind:
    return kind(job.kind)
