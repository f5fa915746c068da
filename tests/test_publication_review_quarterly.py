# ruff: noqa: F811 (``story`` is a fixture imported from the quarterly report tests)
"""The quarterly report's version for publication: counts through the disclosure engine, only
approved returns' words, each flagged sentence reviewed first, the rules printed, the file marked."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reports.annual import services as annual_services
from reports.jobs import selectors, services
from reports.models import PublishedFigure, ReportJobStatus, ReportVersion
from reports.returns import quarterly_pdf
from reports.returns.quarterly import quarterly_report

from .returns_cast import NARRATIVE
from .test_annual_report import this_year
from .test_returns_quarterly import story  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

EDITED = "Joint visits to local businesses; workers spoken to."


def _text(version) -> str:
    with version.file.open("rb") as handle:
        return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages).split())


def _publication_job(a, period, capture):
    with capture(execute=True):
        job = quarterly_pdf.quarterly_job_start(actor=a.coordinator, period=period, for_publication=True)
    job.refresh_from_db()
    return job


def test_a_quarterly_version_for_publication_waits_for_the_review_of_approved_returns_words(
    a,
    story,
    django_capture_on_commit_callbacks,
):
    job = _publication_job(a, story, django_capture_on_commit_callbacks)
    assert job.status == ReportJobStatus.REVIEW and not ReportVersion.objects.filter(job=job).exists()

    items = selectors.publication_review(job).items
    # "The interpreter booking took three weeks." is a length of time, not a count: not flagged
    assert [i.sentence for i in items] == ["Two joint visits to hand car washes; nine workers spoken to."]
    assert all(i.label.startswith("Northvale Police's return for 2026/27 Q1: ") for i in items)
    assert "Charity text" not in " ".join(i.sentence for i in items)


def test_the_quarterly_publication_prints_the_reviewed_words_the_protected_counts_and_the_rules(
    a,
    story,
    django_capture_on_commit_callbacks,
):
    job = _publication_job(a, story, django_capture_on_commit_callbacks)
    for item in selectors.publication_review(job).items:
        edit = item.sentence.startswith("Two joint visits")
        services.text_decision_record(
            actor=a.coordinator, job=job, source=item.source, digest=item.digest,
            decision="edited" if edit else "approved", replacement=EDITED if edit else "",
        )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.publication_review_finish(actor=a.coordinator, job=job)
    job.refresh_from_db()

    assert job.status == ReportJobStatus.DONE
    version = job.version
    assert version.download_name == "quarterly-report-2026-27-Q1-v1-publication.pdf"
    text = _text(version)
    assert "quarterly report 2026/27 Q1 (for publication)" in text
    assert "Disclosure control: counts from 1 to 4 are shown as “<5”" in text
    assert EDITED in text and "Two joint visits" not in text
    assert "The interpreter booking took three weeks." in text  # not flagged: printed as written
    assert "<5" in text  # the police's 4 joint visits
    # what it printed is in the disclosure ledger, for the next publication of the year to respect
    printed = PublishedFigure.objects.filter(partnership=a.partnership)
    assert printed.exists() and all(p.key.startswith("q") for p in printed)
    assert {p.first_output for p in printed} == {f"{version} (for publication)"}


def test_a_count_hidden_in_the_quarterly_publication_shows_no_status_beside_its_target(a, story):
    report = quarterly_report(a.partnership, story, for_publication=True)
    cells = [cell for part in report.strands for _indicator, cell in part.figures]
    hidden = [cell for cell in cells if getattr(cell, "published", "") == "<5"]
    assert hidden and all(cell.status_withheld for cell in hidden)
    shown = [cell for cell in cells if getattr(cell, "published", None) not in (None, "<5", "[c]")]
    assert all(not cell.status_withheld for cell in shown)


def test_an_internal_quarterly_report_keeps_exact_counts_and_words(a, story):
    internal = quarterly_report(a.partnership, story)
    public = quarterly_report(a.partnership, story, for_publication=True)
    ((_, cell),) = next(p for p in internal.strands if p.name == "Pursue").figures
    assert cell.actual_text == "4" and not getattr(cell, "published", "")
    ((_, public_cell),) = next(p for p in public.strands if p.name == "Pursue").figures
    assert public_cell.published == "<5"
    assert internal.review is None and internal.strands[0].narratives["progress"][0][1] == NARRATIVE["progress"]


def test_the_quarterly_page_offers_a_version_for_publication_that_starts_with_the_review(a, story, login):
    client = login(a.coordinator)
    page = client.get(reverse("reports:quarterly_report", args=[a.slug, story.pk])).content.decode()
    assert "Make a version for publication" in page
    response = client.post(reverse("reports:quarterly_pdf", args=[a.slug, story.pk]), {"for_publication": "1"})
    assert response.status_code == 302 and "/review/" in response["Location"]
    review = client.get(response["Location"]).content.decode()
    assert "0 of 1</strong> sentence reviewed" in review and "Northvale Police&#x27;s return for 2026/27 Q1" in review
    assert (
        "Make a version for publication"
        in client.get(reverse("reports:quarterly_report", args=[a.slug, story.pk])).content.decode()
    )


def test_the_annual_publication_reviews_only_approved_returns_words_and_keeps_the_quarterly_decisions(
    a, story, django_capture_on_commit_callbacks
):
    from reports.models import Return

    # The annual report prints each approved return's points for action (its year summary, not each
    # quarter's progress): a flagged sentence there is decided once, for both outputs.
    Return.objects.filter(period=story, organisation=a.police).update(
        points_for_action="Follow up the two workers who asked for help."
    )
    quarterly = _publication_job(a, story, django_capture_on_commit_callbacks)
    for item in selectors.publication_review(quarterly).items:
        services.text_decision_record(
            actor=a.coordinator, job=quarterly, source=item.source, digest=item.digest, decision="approved"
        )
    with django_capture_on_commit_callbacks(execute=True):
        annual = annual_services.report_start(
            actor=a.coordinator,
            partnership=a.partnership,
            year=this_year(a),
            sections=["partners"],
            for_publication=True,
        )
    items = selectors.publication_review(annual).items
    assert [i.sentence for i in items] == ["Follow up the two workers who asked for help."]
    assert all(i.reviewed for i in items)  # the same sentences of the same return: decided once
