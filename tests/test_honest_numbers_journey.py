"""From data entry to every output: two partners send a proportion as how many out of how many, the
coordinator approves their returns, and the partnership's figure is 91 of 102 (89.2%) — never 70%, the
mean of their percentages — on the results table, the progress page, the API, the quarterly report
and the annual report."""

import io
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from indicators.measurement import services as measurement
from indicators.models import Target
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections.base import ReportContext
from reports.jobs.pdf import render_pdf
from reports.models import ReportVersion
from reports.returns import quarterly_pdf
from reports.returns import services as returns
from reports.returns.quarterly import quarterly_report

from .api_helpers import ApiClient, token_for
from .measurement_helpers import periods
from .returns_cast import NARRATIVE, the_return

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(a):
    """Northvale's Q1: the police helped 1 of 2 victims who asked, the charity 90 of 100; both approved."""
    share = measurement.indicator_create(
        actor=a.coordinator,
        partnership=a.partnership,
        reporting_organisations=[a.police, a.charity],
        code="SUP-1",
        name="Victims asking for support who received it",
        unit="percentage",
    )
    p = periods(a)  # opening the quarter opens each organisation's return with the indicators it reports
    Target.objects.create(partnership=a.partnership, indicator=share, period=p["q1"], value=95)
    for spoc, organisation, numerator, denominator in (
        (a.spoc_police, a.police, "1", "2"),
        (a.spoc_charity, a.charity, "90", "100"),
    ):
        return_ = the_return(a, organisation, p["q1"])
        figures = {share.pk: {"numerator": numerator, "denominator": denominator}}
        returns.return_save_draft(actor=spoc, return_=return_, narrative=NARRATIVE, figures=figures)
        returns.return_submit(actor=spoc, return_=return_)
        return_.refresh_from_db()
        returns.return_approve(actor=a.coordinator, return_=return_, version=return_.version)
    return share


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_results_table_and_the_progress_page_show_ninety_one_of_a_hundred_and_two(a, approved, login):
    client = login(a.coordinator)
    results = client.get(f"/p/{a.slug}/results/").content.decode()
    assert "89.2%" in results and "70%" not in results
    page = client.get(f"/p/{a.slug}/indicators/{approved.pk}/").content.decode()
    assert "91 of 102" in page
    progress = client.get(f"/p/{a.slug}/progress/").content.decode()  # at risk against 95%: listed there
    assert "SUP-1" in progress and "89.2" in progress


def test_the_api_gives_the_partnerships_figure_with_what_it_is_made_of(a, approved):
    api = ApiClient(token_for(a.coordinator))
    body = api.get(f"/api/v1/p/{a.slug}/indicators/{approved.pk}/").json()
    now = body["progress"]["year_to_date"]
    assert (now["actual"], now["numerator"], now["denominator"]) == ("89.22", "91.00", "102.00")


def test_the_quarterly_report_shows_the_combined_proportion(a, approved, django_capture_on_commit_callbacks):
    q1 = periods(a)["q1"]
    report = quarterly_report(a.partnership, q1)
    cells = [cell for part in report.strands for indicator, cell in part.figures if indicator == approved]
    assert [(cell.actual, cell.combined.numerator, cell.combined.denominator) for cell in cells] == [
        (Decimal("89.22"), 91, 102)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        job = quarterly_pdf.quarterly_job_start(actor=a.coordinator, period=q1)
    version = ReportVersion.objects.get(job=job)
    with version.file.open("rb") as handle:
        assert "89.2%" in _pdf_text(handle.read())


def test_the_annual_report_shows_the_combined_proportion(a, approved):
    ctx = ReportContext(
        partnership=a.partnership,
        year=periods(a)["year"],
        as_of=timezone.now(),
        section_keys=default_section_keys(),
    )
    text = _pdf_text(render_pdf(render_html(ctx, build_sections(ctx), template="reports/annual/pdf.html")).content)
    block = text[text.index("SUP-1 ", text.index("Indicators: results against targets", text.index("Contents") + 50)) :]
    assert "89.2%" in block[:400]
