"""In a real browser: a coordinator writes an objective, builds its results chain in place and sees its
SMART check go green; axe-core finds no serious or critical problems on the strategy pages."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from indicators.models import Indicator, Objective, Target
from indicators.strategy import services

from . import strategy_world as sw
from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHAIN = [
    (5, "Survivors live free of exploitation", None),
    (4, "Fewer survivors are re-exploited", "Survivors stay in touch with their support worker"),
    (3, "Survivors placed in paid work", "Employers keep the placements open"),
    (2, "Job coaching for survivors", "Survivors are well enough to take part"),
    (1, "Two employment coaches", "The grant is renewed in April"),
]
ARTICLE = {1: "an input", 2: "an activity", 3: "an output", 4: "an outcome", 5: "an impact"}


def test_coordinator_builds_an_objective_with_its_chain_and_sees_the_smart_check_go_green(world, live_server, page):
    a = world.a
    services.plan_statement_update(actor=a.coordinator, partnership=a.partnership, vision="Nobody exploited here.")
    # The indicator comes from the measurement pages (another part of the product): made here directly.
    indicator = Indicator.objects.create(
        partnership=a.partnership,
        code="IND-1",
        name="Survivors in paid work",
        baseline_value=3,
        baseline_date=dt.date(2026, 3, 31),
        means_of_verification="Support provider case records",
    )
    Target.objects.create(partnership=a.partnership, indicator=indicator, value=12)

    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/")
    page.get_by_role("button", name="Plan").click()
    page.get_by_role("link", name="Objectives", exact=True).click()
    page.get_by_role("link", name="Add an objective").click()
    expect(page).to_have_url(re.compile(r"/objectives/new/$"))
    assert serious_accessibility_problems(page) == []

    page.get_by_label("Title").fill("Help survivors into paid work")
    page.get_by_label("Description").fill("Place 12 survivors supported in Northvale into paid work by March 2027.")
    page.get_by_label("Strand").select_option(label="Prepare")
    page.get_by_label("Recovery").check()
    page.get_by_label("Sustainable freedom").check()
    page.get_by_label("Owner (organisation)").select_option(label="Northvale Survivor Trust")
    page.get_by_label("Start date").fill("2026-04-01")
    page.get_by_label("End date").fill("2027-03-31")
    page.get_by_label("Priority").select_option(label="High")
    page.get_by_label("How it serves the vision").fill("Work gives survivors the independence the vision speaks of.")
    page.get_by_role("button", name="Save the objective").click()

    expect(page.get_by_role("heading", name="OBJ1 Help survivors into paid work")).to_be_visible()
    expect(page.locator("#chain")).to_contain_text("Missing from this chain")
    expect(page.locator('[data-check="Measurable"].is-missing')).to_be_visible()
    expect(page.locator('[data-check="Specific"].is-missing')).to_be_visible()
    expect(page.locator('[data-check="Time-bound"].is-ok')).to_be_visible()
    # Build the chain from the top down, each entry linked to the one above; htmx swaps the chain in place.
    url_before = page.url
    for level, text, assumption in CHAIN:
        adder = page.locator(f"#add-{level}")
        adder.locator("summary").click()
        adder.get_by_label("Description").fill(text)
        if level < 5:
            adder.get_by_label("Leads to").select_option(label=CHAIN[5 - level - 1][1])
            adder.get_by_label("Assumption behind the link").fill(assumption)
        adder.get_by_role("button", name="Add").click()
        page.locator(f"#chain .chain-entry.level-{level}", has_text=text).wait_for()
    assert page.url == url_before  # never left the page
    chain_text = page.locator("#chain").inner_text()
    assert "Missing from this chain" not in chain_text
    expect(page.locator("#chain svg line")).to_have_count(4)

    # Edit one entry in place.
    page.get_by_role("link", name=re.compile(r"^Edit\s*: Job coaching for survivors")).click()
    form = page.locator("form.chain-form", has=page.get_by_role("button", name="Save"))
    form.get_by_label("Description").fill("Weekly job coaching for survivors")
    form.get_by_role("button", name="Save").click()
    page.locator("#chain .chain-entry.level-2", has_text="Weekly job coaching for survivors").wait_for()
    expect(page.locator("#chain .level-1")).to_contain_text("Leads to: Weekly job coaching for survivors")
    assert serious_accessibility_problems(page) == []

    # The indicator is linked to the objective on the indicators pages; then the coordinator confirms "specific".
    Indicator.objects.filter(pk=indicator.pk).update(objective=Objective.objects.get(partnership=a.partnership))
    page.get_by_label("This objective says what will change").check()
    page.get_by_role("button", name="Save my judgement").click()
    expect(page.get_by_text("All met")).to_be_visible()
    expect(page.locator(".smart-item.is-missing")).to_have_count(0)
    expect(page.locator(".smart-item.is-ok")).to_have_count(5)

    page.get_by_role("link", name="Objectives").first.click()
    expect(page.locator("tr.objective-flagged")).to_have_count(0)
    assert serious_accessibility_problems(page) == []


def test_strategy_pages_have_no_serious_accessibility_problems(world, live_server, page):
    a = world.a
    services.plan_statement_update(actor=a.coordinator, partnership=a.partnership, vision="Nobody exploited here.")
    sw.assumption(a)
    entries = sw.chain(a)
    sw.risk(a, objectives=[entries[1].objective])
    sw.subgroup(a)
    sw.goal(a, with_file=True)
    sign_in(page, live_server, a.coordinator.email)
    problems = {}
    for path in (
        "plan/",
        "plan/strands/",
        "objectives/",
        f"objectives/{entries[1].objective.pk}/",
        "logframe/",
        "subgroups/",
        "risks/",
        "risks/new/",
        "development-goals/",
        f"development-goals/{sw.goal(a).pk}/edit/",
    ):
        page.goto(f"{live_server.url}/p/{a.slug}/{path}")
        found = serious_accessibility_problems(page)
        if found:
            problems[path] = found
    assert problems == {}
