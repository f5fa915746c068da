"""The funder's report: a year of a funding agreement as a PDF made by the report engine, in the annual
report's design. It leaves the partnership, so counts of people follow the disclosure rules while money
is printed in full; its versions are archived per agreement and downloaded from the agreement's page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from indicators.strategy import services
from indicators.strategy.services import funding_reviews
from reports.funder.services import funder_report_start
from reports.models import ReportJobStatus, ReportKind, ReportVersion

from . import measurement_helpers as mh
from . import strategy_world as sw
from .query_sizes import flat_queries

pytestmark = pytest.mark.django_db

THIS_YEAR = dt.date(2026, 4, 1)  # the cast's agreements run from April 2025 to March 2027; today is in 2026/27


def _report(side, agreement, capture, year=THIS_YEAR):
    with capture(execute=True):
        job = funder_report_start(actor=side.coordinator, agreement=agreement, year_start=year)
    job.refresh_from_db()
    return job


def _text(version) -> str:
    with version.file.open("rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
        return " ".join(" ".join(page.extract_text() for page in pages).split())


def _funded_with_a_small_count(side):
    """The council funds the charity; its KPI, referrals to the NRM, has 4 this year (below the threshold)."""
    mh.figure(side)  # the police report 4 referrals in Q1
    return sw.agreement(side, title="Safe beds before the NRM", indicators=[mh.referrals(side)])


def test_the_funders_pdf_names_the_agreement_its_kpis_and_its_money_and_hides_a_small_count(
    a, django_capture_on_commit_callbacks
):
    agreement = _funded_with_a_small_count(a)
    job = _report(a, agreement, django_capture_on_commit_callbacks)

    assert job.status == ReportJobStatus.DONE and job.kind == ReportKind.FUNDER and job.agreement == agreement
    text = _text(job.version)
    assert "Safe beds before the NRM" in text
    assert f"{a.council} funds {a.charity}" in text
    assert "REF-1 Potential victims referred to the NRM" in text
    assert "Q1 <5" in text and "Q1 4" not in text  # the count of people is suppressed, not printed
    assert "£84,000" in text and "£24,000" in text  # money is never suppressed
    assert "Spend against budget" in text and "not reported" in text


def test_the_funders_pdf_prints_the_providers_review_of_the_year(a, django_capture_on_commit_callbacks):
    review = funding_reviews.review_save(
        actor=a.spoc_charity,
        agreement=sw.agreement(a),
        organisation=a.charity,
        year_start=THIS_YEAR,
        submit=True,
        **sw.REVIEW_ANSWERS,
    )
    funding_reviews.review_accept(actor=a.coordinator, review=review)
    text = _text(_report(a, review.agreement, django_capture_on_commit_callbacks).version)
    assert "The virtual hub opened." in text and "Extend the hub to the health trust." in text
    assert "Where the reports stand" in text and "Accepted" in text


def test_a_review_with_a_small_number_waits_for_the_coordinators_decision_before_the_pdf_is_made(
    a, django_capture_on_commit_callbacks
):
    answers = sw.REVIEW_ANSWERS | {"benefit": "Three people were helped into safe housing."}
    review = funding_reviews.review_save(
        actor=a.spoc_charity,
        agreement=sw.agreement(a),
        organisation=a.charity,
        year_start=THIS_YEAR,
        submit=True,
        **answers,
    )
    job = _report(a, review.agreement, django_capture_on_commit_callbacks)
    assert job.status == ReportJobStatus.REVIEW
    assert not ReportVersion.objects.filter(job=job).exists()


def test_each_agreements_reports_are_numbered_on_their_own(a, django_capture_on_commit_callbacks):
    first, second = sw.agreement(a), sw.agreement(a)
    numbers = [
        _report(a, agreement, django_capture_on_commit_callbacks).version.number for agreement in (first, second, first)
    ]
    assert numbers == [1, 1, 2]
    assert ReportVersion.objects.filter(agreement=first).count() == 2


def test_a_year_the_agreement_does_not_run_in_is_refused(a):
    with pytest.raises(ValidationError) as refused:
        funder_report_start(actor=a.coordinator, agreement=sw.agreement(a), year_start=dt.date(2024, 4, 1))
    assert "year" in refused.value.message_dict


def test_an_agreement_reported_on_to_its_funder_cannot_be_removed(a, django_capture_on_commit_callbacks):
    agreement = sw.agreement(a)
    _report(a, agreement, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError):
        services.agreement_delete(actor=a.coordinator, agreement=agreement)


def test_the_coordinator_makes_the_report_from_the_agreements_page_and_the_board_downloads_it(
    a, login, django_capture_on_commit_callbacks
):
    agreement = sw.agreement(a)
    page = reverse("strategy:agreement_detail", args=[a.partnership.slug, agreement.pk])
    assert "Make the funder's report" in login(a.coordinator).get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(a.coordinator).post(
            reverse("reports:funder_report_start", args=[a.partnership.slug, agreement.pk]), {"year": "2026-04-01"}
        )
    version = ReportVersion.objects.get(agreement=agreement)
    assert response.status_code == 302

    board = login(a.board)
    html = board.get(page).content.decode()
    download = reverse("reports:annual_version_download", args=[a.partnership.slug, version.pk])
    assert download in html and "Make the funder's report" not in html
    pdf = board.get(download)
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert (
        board.post(reverse("reports:funder_report_start", args=[a.partnership.slug, agreement.pk])).status_code == 403
    )


def test_a_member_of_another_partnership_gets_404_for_the_agreements_report(a, b, login):
    agreement = sw.agreement(a)
    url = reverse("reports:funder_report_start", args=[b.partnership.slug, agreement.pk])
    assert login(b.coordinator).post(url, {"year": "2026-04-01"}).status_code == 404
    assert not ReportVersion.objects.filter(agreement=agreement).exists()


def test_the_agreements_page_takes_the_same_queries_with_more_reports_and_budget_lines(
    a, login, django_capture_on_commit_callbacks
):
    agreement = sw.agreement(a, indicators=[mh.referrals(a)])
    client = login(a.coordinator)
    url = reverse("strategy:agreement_detail", args=[a.partnership.slug, agreement.pk])

    made = iter(range(1000))

    def grow(n):
        for _ in range(n):
            services.budget_line_create(
                actor=a.coordinator,
                agreement=agreement,
                year_start=THIS_YEAR,
                category="training",
                description=f"Course {next(made)}",
                amount="100",
            )
            _report(a, agreement, django_capture_on_commit_callbacks)

    def measure():
        assert client.get(url).status_code == 200

    flat_queries(grow=grow, measure=measure, pinned=15, big=4)


def test_the_funders_pdf_says_where_each_providers_monitoring_reports_stand(a, django_capture_on_commit_callbacks):
    from . import monitoring_cast as mc

    agreement = mc.monthly_agreement(a, providers=[a.charity])
    mc.approved_report(a, agreement, dt.date(2026, 4, 1), "1800", "900")
    text = _text(_report(a, agreement, django_capture_on_commit_callbacks).version)
    assert "Monitoring reports in 2026/27" in text
    assert "April 2026 Approved" in text
