"""In a real browser: the coordinator adopts indicators from the library, sets a baseline and a
target, enters a split figure and sees progress and the chart; axe-core finds no serious problems."""

import re

import pytest
from playwright.sync_api import expect

from indicators.models import Figure, Indicator, Target

from . import measurement_helpers as m
from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_adopts_sets_a_target_enters_a_figure_and_sees_progress(world, live_server, browser):
    a = world.a
    q1 = m.periods(a)["q1"]
    page = browser.new_context(locale="en-GB").new_page()
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/")

    page.get_by_role("button", name="Measuring").click()
    page.get_by_role("link", name="Indicator library").click()
    expect(page.get_by_role("heading", name="Indicator library", level=1)).to_be_visible()
    page.get_by_label("Objective", exact=True).select_option("O6")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"objective=O6"))
    assert serious_accessibility_problems(page) == []
    page.get_by_label(re.compile("Potential victims identified")).check()
    page.get_by_label(re.compile("Victims assisted to exit")).check()
    page.get_by_role("button", name="Adopt the ticked indicators").click()
    expect(page.get_by_text("2 indicators adopted")).to_be_visible()
    assert serious_accessibility_problems(page) == []

    page.get_by_role("link", name="Victims assisted to exit their situation").click()
    page.get_by_role("link", name="Baseline and targets", exact=True).click()
    page.get_by_label("Baseline value").fill("8")
    page.get_by_label(f"Target for {q1.label}").fill("10")
    assert serious_accessibility_problems(page) == []
    page.get_by_role("button", name="Save baseline and targets").click()
    expect(page.get_by_text("Baseline and targets of O6-02 are saved")).to_be_visible()
    page.get_by_role("link", name="Enter a figure").click()
    page.get_by_label("Reporting period").select_option(label=q1.label)
    page.get_by_label("Reporting organisation").select_option(label=a.police.name)
    page.get_by_label("Figure (total)").fill("9")
    page.locator("#id_bd_sex_female").fill("5")
    page.locator("#id_bd_sex_male").fill("3")
    page.get_by_role("button", name="Save the figure").click()
    expect(page.get_by_text("Sex adds up to 8, but the total is 9").first).to_be_visible()
    assert serious_accessibility_problems(page) == []
    page.locator("#id_bd_sex_unknown").fill("1")
    page.get_by_role("button", name="Save the figure").click()

    expect(page.get_by_role("heading", name="Progress by period")).to_be_visible()
    row = page.locator("section[aria-labelledby=progress-heading] tr", has_text=q1.label)
    expect(row.first).to_contain_text("At risk")  # 9 against 10, within the 10% band
    expect(page.locator(".chart-svg svg").first).to_be_visible()
    assert serious_accessibility_problems(page) == []

    indicator = Indicator.objects.get(partnership=a.partnership, code="O6-02")
    assert Target.objects.get(indicator=indicator, period=q1).value == 10
    assert Figure.objects.get(indicator=indicator).breakdown == {"sex": {"female": 5, "male": 3, "unknown": 1}}

    page.goto(f"{live_server.url}/p/{a.slug}/progress/")
    expect(page.get_by_role("heading", name=re.compile("Progress")).first).to_be_visible()
    assert serious_accessibility_problems(page) == []
    page.goto(f"{live_server.url}/p/{a.slug}/results/")
    expect(page.get_by_role("link", name="O6-02")).to_be_visible()
    assert serious_accessibility_problems(page) == []
