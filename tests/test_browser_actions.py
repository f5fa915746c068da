"""In a real browser: a coordinator filters the action plan, changes an action to Amber with a note
in place (no page reload) and reads it in the history; a SPOC updates only their organisation's
actions, by keyboard; axe-core finds no serious or critical problems on the pages."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from actionplans import services
from actionplans.models import Action

from .action_helpers import make_action
from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _plan(a):
    make_action(a, organisation=a.police, title="Visit hand car washes with the GLAA")
    make_action(a, organisation=a.charity, title="Run a weekly drop-in for survivors")
    late = make_action(
        a, organisation=a.council, title="Add clauses to council contracts", due_date=dt.date(2026, 9, 1)
    )
    services.action_set_status(actor=a.coordinator, action=late, status="red", note="Legal review stalled")


def test_coordinator_filters_the_plan_and_changes_an_action_to_amber_in_place(world, live_server, page):
    a = world.a
    _plan(a)
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/")
    expect(page.get_by_role("heading", name="Action plan").first).to_be_visible()
    assert serious_accessibility_problems(page) == []

    page.get_by_role("link", name="Action plan", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/actions/$"))
    assert serious_accessibility_problems(page) == []
    page.get_by_label("Status", exact=True).select_option("green")
    page.get_by_role("button", name="Show").click()
    rows = page.locator("#action-table tbody tr[id^=action-]")
    expect(rows).to_have_count(2)
    expect(page.locator("#action-table")).not_to_contain_text("Add clauses to council contracts")

    page.evaluate("window.__noReload = true")
    row = page.locator("tr", has_text="Visit hand car washes")
    row.get_by_role("button", name="Change status").click()
    form = page.get_by_role("form", name="Change the status of “Visit hand car washes with the GLAA”")
    expect(form.get_by_label("New status")).to_be_focused()
    assert serious_accessibility_problems(page) == []
    form.get_by_label("New status").select_option("amber")
    form.get_by_label("Note").fill("GLAA officers redeployed; new date in March.")
    form.get_by_role("button", name="Save status").click()

    live = page.locator("#actions-live")
    expect(live).to_contain_text("is now Amber")
    expect(page.locator("tr", has_text="Visit hand car washes").locator(".rag")).to_have_text("Amber")
    assert page.evaluate("window.__noReload") is True  # changed in place, no page load
    assert Action.objects.get(title__startswith="Visit hand").status == "amber"

    page.get_by_role("link", name="Visit hand car washes with the GLAA").click()
    history = page.get_by_role("region", name="History")
    expect(history).to_contain_text("GLAA officers redeployed; new date in March.")
    expect(history.locator(".rag").first).to_have_text("Amber")
    assert serious_accessibility_problems(page) == []


def test_a_spoc_updates_only_their_organisations_actions_by_keyboard(world, live_server, page):
    a = world.a
    _plan(a)
    sign_in(page, live_server, a.spoc_police.email)
    page.goto(f"{live_server.url}/p/{a.slug}/actions/")
    charity_row = page.locator("tr", has_text="Run a weekly drop-in")
    expect(charity_row.get_by_role("button", name="Change status")).to_have_count(0)

    page.get_by_role("link", name="My actions").click()
    expect(page).to_have_url(re.compile(r"/actions/mine/$"))
    assert serious_accessibility_problems(page) == []
    expect(page.locator("#action-table")).not_to_contain_text("Run a weekly drop-in")
    button = page.locator("tr", has_text="Visit hand car washes").get_by_role("button", name="Change status")
    button.focus()
    page.keyboard.press("Enter")
    form = page.locator("form.status-form")
    status = form.get_by_label("New status")
    expect(status).to_be_focused()
    page.keyboard.press("ArrowUp")  # Green -> Amber -> Red, by keyboard
    page.keyboard.press("ArrowUp")
    expect(status).to_have_value("red")
    page.keyboard.press("Tab")  # to the note, left empty
    page.keyboard.press("Tab")  # to "Save status"
    page.keyboard.press("Enter")
    expect(page.locator(".invalid-feedback")).to_contain_text("a note is needed for a change to Red")
    expect(page.locator("form.status-form").get_by_label("Note")).to_be_focused()
    page.keyboard.type("Waiting for the GLAA to confirm a date.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Save status
    expect(page.locator("#actions-live")).to_contain_text("is now Red")
    row = page.locator("tr", has_text="Visit hand car washes")
    expect(row.get_by_role("button", name="Change status")).to_be_focused()
    assert Action.objects.get(title__startswith="Visit hand").status == "red"
    assert Action.objects.get(title__startswith="Run a weekly").status == "green"


def test_the_other_action_pages_have_no_serious_accessibility_problems(world, live_server, page):
    from partnerships.models import SubGroup

    a = world.a
    _plan(a)
    group = SubGroup.objects.create(partnership=a.partnership, name="Protect and Prepare")
    action = make_action(a, title="Publish the referral route", subgroup=group)
    sign_in(page, live_server, a.coordinator.email)
    for path in (
        f"actions/{action.pk}/",
        f"actions/{action.pk}/edit/",
        "actions/new/",
        "actions/as-of/?date=2026-10-01",
        "actions/import/",
        "work-plans/",
        f"work-plans/{group.pk}/",
        "actions/mine/",
    ):
        page.goto(f"{live_server.url}/p/{a.slug}/{path}")
        assert serious_accessibility_problems(page) == [], path
