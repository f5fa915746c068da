"""In a real browser, at 1280 px and on a 390 px phone: the coordinator asks for the funder's report
from the agreement's page, follows it on the job's page until it is ready, downloads the PDF, and
finds it again in the agreement's archive of funder's reports. axe-core checks each page, and no
page scrolls sideways.

The report is made in the request's process (the tests' Celery runs tasks at once): the job's
progress while it waits is the annual report's browser test's subject, not this one's."""

import io
import re
from datetime import date

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from reports.models import ReportJob, ReportKind

from . import monitoring_cast as mc
from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _checked(page) -> None:
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


@pytest.mark.parametrize("size", WIDTHS)
def test_the_coordinator_asks_for_the_funders_report_and_finds_it_on_its_job_page_and_in_the_archive(
    world, live_server, browser, size
):
    a = world.a
    agreement = mc.monthly_agreement(a, providers=[a.charity, a.police])
    mc.approved_report(a, agreement, date(2026, 4, 1), "1800", "900")
    page = browser.new_context(locale="en-GB", viewport=WIDTHS[size]).new_page()
    sign_in(page, live_server, a.coordinator.email)
    agreement_url = f"{live_server.url}/p/{a.slug}/funding/{agreement.pk}/"

    page.goto(agreement_url)
    funder = page.get_by_role("region", name="Reports for the funder")
    expect(funder.get_by_role("table")).to_have_count(0)  # none made yet
    _checked(page)
    funder.get_by_label("Year of the agreement").select_option(label="2026/27")
    funder.get_by_role("button", name="Make the funder's report").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("2026/27")
    expect(page.get_by_text("The funder's report for 2026/27 is being made.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"The report is ready: \d+ pages, version 1 for 2026/27"))).to_be_visible(
        timeout=120_000
    )
    _checked(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    with open(download.value.path(), "rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())  # the title may wrap
    assert "Support before a referral decision" in text and "REPORT TO THE FUNDER 2026/27" in text

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name=agreement.title).click()
    expect(page).to_have_url(agreement_url)
    archive = page.get_by_role("region", name="Reports for the funder")
    expect(archive.get_by_role("cell", name="2026/27, version 1")).to_be_visible()
    job = ReportJob.objects.get(kind=ReportKind.FUNDER, agreement=agreement)
    pages = job.version.pages
    link = archive.get_by_role(
        "link", name=f"Download the 2026/27 report, version 1 (PDF, {pages} page{'s' if pages != 1 else ''})"
    )
    expect(link).to_have_attribute("href", f"/p/{a.slug}/annual-reports/versions/{job.version.pk}/download/")
    _checked(page)
