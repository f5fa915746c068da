"""In a real browser, at a desktop and a phone width: a coordinator records a funding agreement and its
budget, a board member reads it; no page scrolls sideways and axe finds no serious problem."""

import re

import pytest
from playwright.sync_api import expect

from . import measurement_helpers as mh
from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_coordinator_records_an_agreement_and_its_budget_and_a_board_member_reads_it(
    world, live_server, browser, width
):
    a = world.a
    mh.referrals(a)
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/funding/")
    assert serious_accessibility_problems(page) == [] and _fits(page)
    page.get_by_role("link", name="Add a funding agreement").click()

    page.get_by_role("button", name="Save").click()  # nothing filled in: every missing answer is named
    assert page.get_by_text("Enter the name of the agreement.").is_visible()
    assert page.get_by_text("Choose at least one organisation that provides the service.").is_visible()

    page.get_by_label("Name of the agreement").fill("Support before a referral decision")
    page.get_by_label("Or the funder's name, if it is outside the partnership").fill("The Home Office")
    page.get_by_label("Northvale Survivor Trust").check()
    page.get_by_label("Purpose").fill("A caseworker and safe beds while people decide whether to enter the NRM.")
    page.get_by_label("Start date").fill("2026-04-01")
    page.get_by_label("End date").fill("2027-03-31")
    page.get_by_label("Total value (£)").fill("42000")
    page.get_by_label("REF-1 Potential victims referred to the NRM").check()
    assert serious_accessibility_problems(page) == [] and _fits(page)
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/funding/\d+/$"))

    page.get_by_role("link", name="Add a budget line").click()
    page.get_by_label("Kind of cost").select_option(label="Staff")
    page.get_by_label("Amount (£)").fill("24000")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("£18,000 not yet set out")).to_be_visible()
    assert serious_accessibility_problems(page) == [] and _fits(page)

    page.get_by_role("link", name="Open the review of 2026/27 by Northvale Survivor Trust").click()
    page.get_by_role("button", name="Submit the review").click()  # nothing answered: the summary lists all seven
    expect(page.locator(".error-summary li")).to_have_count(7)
    assert page.title().startswith("Error: ")
    assert serious_accessibility_problems(page) == [] and _fits(page)
    context.close()

    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    sign_in(page, live_server, a.board.email)
    page.goto(f"{live_server.url}/p/{a.slug}/funding/")
    page.get_by_role("link", name="Support before a referral decision").click()
    expect(page.get_by_role("heading", name="Key performance indicators")).to_be_visible()
    expect(page.get_by_role("link", name="REF-1")).to_be_visible()
    assert page.get_by_role("link", name="Edit the agreement").count() == 0
    assert serious_accessibility_problems(page) == [] and _fits(page)
    context.close()
