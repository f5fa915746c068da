"""In a real browser, at 1280 px and on a 390 px phone: the charity's SPOC fills in a monthly
monitoring report with its spend (a total that does not add up is refused, linked to its box, and
fixed), submits it from "Check your answers"; the coordinator approves it and reads the spend on
the agreement's page. axe-core checks each page, and no page scrolls sideways."""

import re
from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from reports.models import Return, ReturnStatus

from . import monitoring_cast as mc
from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _checked(page) -> None:
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def _page(browser, live_server, user, size):
    page = browser.new_context(locale="en-GB", viewport=WIDTHS[size]).new_page()
    sign_in(page, live_server, user.email)
    return page


@pytest.mark.parametrize("size", WIDTHS)
def test_a_provider_submits_a_monthly_report_with_spend_and_the_coordinator_approves_it(
    world, live_server, browser, size
):
    a = world.a
    agreement = mc.monthly_agreement(a)
    report = mc.report(a, agreement, date(2026, 4, 1))
    lines = {r.budget_line.category: r.budget_line_id for r in report.spend.select_related("budget_line")}
    page = _page(browser, live_server, a.spoc_charity, size)
    page.goto(f"{live_server.url}/p/{a.slug}/returns/{report.pk}/")
    expect(page.get_by_role("heading", level=1, name=re.compile("monitoring report for April 2026"))).to_be_visible()
    expect(page.locator(".task-status", has_text="Not started")).to_have_count(4)  # figures, money, narrative, evidence
    _checked(page)

    page.get_by_role("link", name="Income and expenditure").click()
    page.get_by_label("Grant income received in the period").fill("3000")
    page.get_by_label("Total expenditure in the period").fill("3000")
    page.locator(f"#id_spend-{lines['staff']}-income").fill("2000")
    page.locator(f"#id_spend-{lines['staff']}-expenditure").fill("1850.50")
    page.locator(f"#id_spend-{lines['accommodation']}-income").fill("1000")
    page.locator(f"#id_spend-{lines['accommodation']}-expenditure").fill("850")
    _checked(page)
    page.get_by_role("button", name="Save and continue").click()
    summary = page.locator("[data-error-summary]")
    link = summary.get_by_role("link", name=re.compile("adds up to £2,700.50, not the £3,000.00"))
    expect(link).to_be_visible()
    assert page.title().startswith("Error: ")
    expect(page.locator("#id_expenditure_total")).to_have_attribute("aria-invalid", "true")
    _checked(page)
    # The autosave may already have kept the total typed first (it is valid alone); what must not be
    # kept is the mismatched whole: lines adding up to £2,700.50 under a total of £3,000.
    stored = Return.objects.get(pk=report.pk)
    kept = sum((row.expenditure or 0) for row in stored.spend.all())
    assert not (stored.expenditure_total == Decimal("3000") and kept == Decimal("2700.50")), "the mismatch was saved"
    link.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("2700.50")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Saved: Income and expenditure.")).to_be_visible()

    page.get_by_role("link", name="Figures: other indicators").click()
    page.locator(f"#f{mc.kpi(a).pk}-value").fill("4")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="Narrative in the 4Ps format").click()
    page.get_by_label("Progress", exact=True).fill("Four people had a safe bed within a day of referral.")
    page.get_by_label("Problems", exact=True).fill("Interpreters were hard to book at short notice.")
    page.get_by_label("Priorities", exact=True).fill("Recruit two more volunteers.")
    page.get_by_label("Points for action", exact=True).fill("None this month.")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".task-status", has_text="Completed")).to_have_count(3)

    page.get_by_role("link", name="Check your answers and submit").click()
    expect(page.get_by_text("£2,700.50")).to_be_visible()
    _checked(page)
    page.get_by_role("button", name="Submit the monitoring report").click()
    expect(page.get_by_text("The monitoring report is submitted.")).to_be_visible()
    assert Return.objects.get(pk=report.pk).status == ReturnStatus.SUBMITTED
    page.context.close()

    page = _page(browser, live_server, a.coordinator, size)
    page.goto(f"{live_server.url}/p/{a.slug}/returns/{report.pk}/")
    expect(page.get_by_role("heading", name="Income and expenditure")).to_be_visible()
    _checked(page)
    page.get_by_role("button", name=re.compile("^Approve")).click()
    expect(page.get_by_text(re.compile("Approved by"))).to_be_visible()
    page.get_by_role("link", name="Support before a referral decision").click()
    table = page.locator("table.spend-table")
    expect(table.get_by_text("£2,700.50")).to_be_visible()
    expect(page.get_by_text("Underspend")).to_be_visible()  # beds £850 of £1,000: 15% under, past the 10% tolerance
    _checked(page)
    page.context.close()
