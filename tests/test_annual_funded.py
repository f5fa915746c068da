"""The annual report's "What we funded": each agreement running in the year with its budget for the
year, its outcomes and indicators, and the providers' accepted reviews — never a draft or returned
one, and in a version for publication only words the coordinator has reviewed."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from indicators.strategy import services
from indicators.strategy.services import funding_reviews
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections import funded
from reports.annual.sections.base import ReportContext
from reports.annual.years import year_containing
from reports.jobs.pdf import render_pdf

from . import strategy_world as sw

pytestmark = pytest.mark.django_db

LAST_YEAR = dt.date(2025, 4, 1)  # the cast's agreements run from 1 April 2025 to 31 March 2027


def _context(side, *, publication=False, year=LAST_YEAR):
    return ReportContext(
        partnership=side.partnership,
        year=year_containing(side.partnership, year),
        as_of=timezone.now(),
        for_publication=publication,
        section_keys=default_section_keys(),
    )


def _pdf_text(ctx) -> str:
    html = render_html(ctx, build_sections(ctx), template="reports/annual/pdf.html")
    reader = PdfReader(io.BytesIO(render_pdf(html).content))
    return "\n".join(page.extract_text() for page in reader.pages)


def _last_years_budget(side, agreement):
    services.budget_line_create(
        actor=side.coordinator, agreement=agreement, year_start=LAST_YEAR, category="accommodation", amount="12000"
    )


def test_the_report_names_each_agreement_with_its_budget_for_the_year_and_the_accepted_review(a):
    review = sw.review(a)  # the charity's review of 2025/26, submitted
    funding_reviews.review_accept(actor=a.coordinator, review=review)
    _last_years_budget(a, review.agreement)
    text = " ".join(_pdf_text(_context(a)).split())
    assert "What we funded" in text
    assert f"{a.council} funds {a.charity}" in text
    assert "Budget for 2025/26" in text and "£12,000" in text
    assert "The virtual hub opened." in text
    assert "£24,000" not in text  # the 2026/27 line belongs to next year's report


def test_a_review_not_yet_accepted_never_reaches_the_report(a):
    sw.review(a)  # submitted, not accepted
    data = funded.FUNDED.gather(_context(a))
    assert data["rows"][0]["reviews"] == []
    assert [o.name for o in data["rows"][0]["missing"]] == [a.charity.name]


def test_no_agreement_in_the_year_leaves_the_section_out(a):
    sw.agreement(a, start_date=dt.date(2026, 4, 1))
    assert funded.FUNDED.gather(_context(a)) is None


def test_in_a_version_for_publication_a_small_number_in_a_review_waits_for_the_coordinators_review(a):
    review = sw.review(a, submit=False)
    funding_reviews.review_save(
        actor=a.spoc_charity,
        agreement=review.agreement,
        organisation=a.charity,
        year_start=LAST_YEAR,
        submit=True,
        **(sw.REVIEW_ANSWERS | {"achievements": "We helped two people from the car wash into safe housing."}),
    )
    funding_reviews.review_accept(actor=a.coordinator, review=review)
    ctx = _context(a, publication=True)
    funded.FUNDED.gather(ctx)
    flagged = [item for item in ctx.review.unreviewed if item.source.startswith("agreement-review:")]
    assert flagged and "two people" in flagged[0].flag.sentence.text
