"""Issue 19's remaining pages in a real browser, at 1280 px and on a 390 px phone, each checked with
axe-core (no serious or critical problem) and for sideways scrolling: the coordinator's review (the
next return waiting, "Return with comments" with the site's error summary, a returned return in the
coordinator's words), the lists that become cards on a phone with their main button on screen, the
action plan at size with its list of groups, the board's "Needs attention" and the SMART key."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from actionplans import clock
from indicators.strategy.services import objectives
from partnerships.models import SubGroup
from reports.returns import services as returns

from . import measurement_helpers as m
from .action_helpers import make_action
from .browser import serious_accessibility_problems, sign_in
from .returns_cast import open_period, quarter, submitted, the_return

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


@pytest.fixture
def page_at(browser, width):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, locale="en-GB", reduced_motion="reduce")
    yield context.new_page()
    context.close()


def _url(name: str, side, **kwargs) -> str:
    return reverse(name, kwargs={"slug": side.slug, **kwargs})


def _check(page, what: str) -> None:
    wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wider <= 0, f"{what} scrolls sideways by {wider} px"
    assert serious_accessibility_problems(page) == [], what


def _on_screen(page, locator) -> None:
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], "cut off at the side"


def _stacked(page, table) -> bool:
    """Is the table shown as cards (its heading row hidden, its rows as blocks)?"""
    return table.evaluate("t => getComputedStyle(t.querySelector('tbody tr')).display === 'block'")


@pytest.fixture
def two_waiting(world):
    a = world.a
    period = quarter(a)
    open_period(a, period)
    police = submitted(a, the_return(a, a.police, period), actor=a.spoc_police)
    charity = submitted(a, the_return(a, a.charity, period), actor=a.spoc_charity)
    return a, police, charity


def test_the_coordinator_approves_a_return_and_goes_on_to_the_next_one_waiting(two_waiting, live_server, page_at):
    a, police, charity = two_waiting
    page = page_at
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}{_url('reports:return_detail', a, pk=police.pk)}")
    _check(page, "a submitted return")
    page.get_by_role("button", name="Approve and lock").click()
    expect(page.get_by_role("heading", name="Next return waiting")).to_be_visible()
    _check(page, "the approved return")
    go_on = page.get_by_role("link", name=re.compile(f"Review {a.charity.name}"))
    _on_screen(page, go_on)
    go_on.click()
    expect(page).to_have_url(re.compile(f"/returns/{charity.pk}/$"))
    page.get_by_role("button", name="Approve and lock").click()
    expect(page.get_by_text("No more returns are waiting for review.")).to_be_visible()
    _check(page, "the last approved return")


def test_return_with_comments_and_no_reason_uses_the_error_summary_not_the_browsers_bubble(
    two_waiting, live_server, page_at
):
    a, police, _ = two_waiting
    page = page_at
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}{_url('reports:return_detail', a, pk=police.pk)}")
    page.get_by_role("button", name="Return with comments").click()  # the browser lets it through
    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link", name=re.compile("Enter your reason"))
    expect(link).to_have_count(1)
    _check(page, "the return after an empty reason")
    link.click()
    expect(page.get_by_label("Your reason")).to_be_focused()
    page.get_by_label("Your reason").fill("Add the June figures, please.")
    page.get_by_role("button", name="Return with comments").click()
    expect(page.get_by_text("What you asked")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Returned for changes by you"))).to_be_visible()
    expect(page.get_by_role("heading", name="Your return")).to_have_count(0)
    expect(page.get_by_role("link", name="Check the answers and submit on their behalf")).to_be_visible()
    _check(page, "a returned return, seen by the coordinator")


def test_a_spoc_reads_their_returns_as_cards_on_a_phone_with_the_button_on_screen(two_waiting, live_server, page_at):
    a, police, _ = two_waiting
    returns.return_send_back(actor=a.coordinator, return_=police, reason="Add June.")
    page = page_at
    sign_in(page, live_server, a.spoc_police.email)
    page.goto(f"{live_server.url}{_url('reports:returns', a)}")
    table = page.locator("table[data-stack]")
    assert _stacked(page, table) == (page.viewport_size["width"] < 576)
    _on_screen(page, page.get_by_role("link", name=re.compile("^Fill in")))
    _check(page, "a SPOC's returns")


def test_the_coordinators_returns_grid_and_the_results_table_fit_both_widths(two_waiting, live_server, page_at):
    a, _, _ = two_waiting
    m.figure(a)
    page = page_at
    phone = page.viewport_size["width"] < 576
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}{_url('reports:returns', a)}")
    grid = page.locator("#completeness")
    assert _stacked(page, grid) == phone
    _check(page, "the returns grid")
    page.goto(f"{live_server.url}{_url('indicators:results', a)}")
    results = page.locator("table.results-table")
    assert _stacked(page, results) == phone
    _on_screen(page, page.get_by_role("link", name="REF-1"))
    _check(page, "the results table")


def test_the_action_plan_at_size_lists_its_groups_and_each_link_opens_the_page_it_starts_on(
    world, live_server, page_at
):
    a = world.a
    first = SubGroup.objects.create(partnership=a.partnership, name="Awareness raising")
    second = SubGroup.objects.create(partnership=a.partnership, name="Pursue and Prevent")
    for i in range(62):
        make_action(a, title=f"Action {i:02d}", subgroup=first if i < 55 else second)
    make_action(a, title="A red one", status="red", note="Stalled.", subgroup=first)
    page = page_at
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}{_url('actions:plan', a)}?group=subgroup&status=red")
    expect(page.locator(".plan-contents")).to_have_count(0)  # one page: nothing to jump to
    page.goto(f"{live_server.url}{_url('actions:plan', a)}?group=subgroup&status=green")
    contents = page.locator("details.plan-contents")
    expect(contents).to_contain_text("the plan runs to 2 pages")
    expect(contents).to_contain_text("Pursue and Prevent 7 actions, from page 2")
    contents.get_by_role("link", name="Pursue and Prevent").click()
    expect(page).to_have_url(re.compile(rf"status=green.*page=2#subgroup-{second.pk}$"))
    expect(page.locator(f"#subgroup-{second.pk}")).to_contain_text("Pursue and Prevent")
    expect(page.locator(f"#subgroup-{first.pk}")).to_contain_text("(continued from the page before)")
    _on_screen(page, page.get_by_role("button", name=re.compile("^Change status")).first)
    _check(page, "the action plan at size")


def test_a_board_member_has_the_actions_needing_attention_not_an_empty_my_actions(world, live_server, page_at):
    a = world.a
    today = clock.today()
    make_action(a, title="Run the interpreter pilot", status="red", note="No budget yet.")
    make_action(a, title="Publish the annual statement", due_date=today - dt.timedelta(days=5))
    make_action(a, title="Keep the helpline leaflet up to date", due_date=today + dt.timedelta(days=40))
    page = page_at
    sign_in(page, live_server, a.board.email)
    page.goto(f"{live_server.url}{_url('partnerships:home', a)}")
    if page.viewport_size["width"] < 992:
        page.get_by_role("button", name="Show or hide the partnership menu").click()
    page.get_by_role("link", name="Needs attention").click()
    expect(page.get_by_role("heading", name="Actions needing attention")).to_be_visible()
    expect(page.get_by_role("link", name="Run the interpreter pilot")).to_be_visible()
    expect(page.get_by_role("link", name="Publish the annual statement")).to_be_visible()
    expect(page.get_by_text("Keep the helpline leaflet up to date")).to_have_count(0)
    _check(page, "the board's actions needing attention")


def test_the_objectives_list_has_a_key_to_the_smart_letters(world, live_server, page_at):
    a = world.a
    objectives.objective_create(actor=a.coordinator, partnership=a.partnership, code="OBJ1", title="Map the county")
    page = page_at
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}{_url('strategy:objectives', a)}")
    key = page.locator(".smart-key")
    for word in ("Specific", "Measurable", "Relevant", "Time-bound", "Owned"):
        expect(key).to_contain_text(word, ignore_case=True)
    _check(page, "the objectives list")


def test_the_current_menu_item_shows_the_yellow_focus_ring(world, live_server, browser):
    a = world.a
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}{_url('actions:plan', a)}")
    current = page.locator(".section-nav a[aria-current=page]")
    current.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    expect(current).to_be_focused()
    assert current.evaluate("e => getComputedStyle(e).outlineColor") == "rgb(255, 221, 0)"
    context.close()
