"""In a real browser, on the demo's data: the annual report's web version has the PDF's sections in the
PDF's order and fits the screen's width (a wide table scrolls inside its own box); neither it nor the
quarterly report's page has a serious or critical axe-core problem (WCAG 2.0 A and AA, 2.1 AA, 2.2 AA)
at a desktop width (1280 px) or a phone's (390 px).

Set ASPM_SCREENSHOTS to a folder to keep a full-page screenshot of each page at each width."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from indicators.models import PeriodKind, PeriodStatus, ReportingPeriod
from partnerships.demo import DEMO_PASSWORD
from partnerships.models import Membership, Partnership
from reports.annual.kind import context_for
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections
from reports.annual.years import year_containing
from reports.models import ReportJob, ReportJobStatus

from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = ((1280, 900), (390, 844))  # a desktop and a phone


@pytest.fixture
def northshire():
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    return Partnership.objects.get(slug="northshire")


def _screenshot(page, name: str) -> None:
    folder = os.environ.get("ASPM_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_the_web_reports_mirror_the_pdf_and_pass_axe_on_a_desktop_and_a_phone(northshire, live_server, page):
    coordinator = Membership.objects.filter(partnership=northshire, role="coordinator").first().user
    year = year_containing(northshire, timezone.localdate())
    job = ReportJob.objects.create(
        partnership=northshire, year_start=year.start, year_end=year.end, year_label=year.label,
        requested_by=coordinator, sections=default_section_keys(), status=ReportJobStatus.DONE,
    )  # fmt: skip
    in_the_pdf = [s.anchor for s in build_sections(context_for(job))]
    quarter = (
        ReportingPeriod.objects.filter(partnership=northshire, kind=PeriodKind.QUARTER, status=PeriodStatus.LOCKED)
        .order_by("-start")
        .first()
    )
    annual_url = live_server.url + reverse("reports:annual_job_web", kwargs={"slug": northshire.slug, "pk": job.pk})
    quarterly_url = live_server.url + reverse(
        "reports:quarterly_report", kwargs={"slug": northshire.slug, "period_pk": quarter.pk}
    )
    sign_in(page, live_server, coordinator.email, DEMO_PASSWORD)
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(annual_url)
        expect(page.get_by_role("heading", name="At a glance", exact=False).first).to_be_visible()
        on_screen = page.locator("article.annual-report > section.report-section").evaluate_all(
            "sections => sections.map(s => s.id)"
        )
        assert on_screen == in_the_pdf
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # wide tables scroll in their box
        assert serious_accessibility_problems(page) == []
        _screenshot(page, f"annual-web-{width}")

        page.goto(quarterly_url)
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Quarterly report {quarter.label}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert serious_accessibility_problems(page) == []
        _screenshot(page, f"quarterly-web-{width}")
