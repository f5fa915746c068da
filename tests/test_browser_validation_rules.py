"""In a real browser: the coordinator adds a validation rule (a mistake first: the error summary
takes the focus and names the field), then reads the breaches report; axe-core finds no serious problems."""

import pytest
from playwright.sync_api import expect

from indicators.measurement import services

from . import measurement_helpers as m
from . import rules_helpers as r
from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_adds_a_rule_after_a_mistake_and_reads_the_breaches(world, live_server, browser):
    a = world.a
    q1 = m.periods(a)["q1"]
    for indicator, value in ((r.convictions(a), 8), (r.convicted(a), 41)):
        services.figure_record(actor=a.coordinator, indicator=indicator, period=q1, organisation=a.police, value=value)
    page = browser.new_context(locale="en-GB").new_page()
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/")
    page.get_by_role("button", name="Measuring").click()
    page.get_by_role("link", name="Validation rules").click()
    expect(page.get_by_role("heading", name="Validation rules", level=1)).to_be_visible()
    page.get_by_role("link", name="Add a rule").click()
    page.get_by_label("Name").fill("Individuals convicted ≤ convictions")
    page.get_by_label("Left-hand side").select_option(label="INDIV Individuals convicted of modern slavery offences")
    page.get_by_label("Right-hand side").select_option(label="INDIV Individuals convicted of modern slavery offences")
    page.get_by_role("button", name="Save").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("INDIV is on both sides")
    expect(summary).to_be_focused()
    assert serious_accessibility_problems(page) == []
    page.get_by_label("Right-hand side").select_option(label="CONV Convictions linked to modern slavery crime")
    page.get_by_label("Must hold").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("cell", name="INDIV ≤ CONV")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    page.get_by_role("link", name="See every breach of these rules").click()
    expect(page.get_by_role("row", name=f"{q1.label} Northvale Police")).to_contain_text("41")
    assert serious_accessibility_problems(page) == []
