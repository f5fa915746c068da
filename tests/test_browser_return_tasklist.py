"""In a real browser, at 1280 px and on a 390 px phone: the return as a task list. Six wrong
figures give an error summary of six links, and following one puts focus in the box; the police
SPOC fills in a return with mistakes, fixes them from the summaries and submits from "Check your
answers". axe-core checks every page of the journey, and no page scrolls sideways."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actionplans.services import action_create
from reports.models import Return, ReturnStatus

from .browser import serious_accessibility_problems, sign_in
from .returns_cast import indicator, open_period, quarter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _current_return(side):
    today = timezone.localdate()
    period = quarter(side, timezone.datetime(today.year, ((today.month - 1) // 3) * 3 + 1, 1).date())
    open_period(side, period)
    return Return.objects.get(organisation=side.police, period=period)


def _six_indicators(side):
    names = ["Referrals to the NRM", "Victims supported", "Premises visited", "Officers trained", "Arrests", "Charges"]
    return [indicator(side, f"IND-{i}", reporters=[side.police], name=name) for i, name in enumerate(names, 1)]


def _spoc_page(browser, live_server, side, size):
    page = browser.new_context(locale="en-GB", viewport=WIDTHS[size]).new_page()
    sign_in(page, live_server, side.spoc_police.email)
    return page


def _checked(page) -> None:
    """axe finds nothing serious, and the page does not scroll sideways."""
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def _focused_id(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.getAttribute('data-error-summary')")


@pytest.mark.parametrize("size", WIDTHS)
def test_six_wrong_figures_give_six_links_and_following_one_puts_focus_in_its_box(world, live_server, browser, size):
    a = world.a
    indicators = _six_indicators(a)
    return_ = _current_return(a)
    page = _spoc_page(browser, live_server, a, size)
    page.goto(f"{live_server.url}/p/{a.slug}/returns/{return_.pk}/")
    page.get_by_role("link", name="Figures: other indicators").click()
    for box in page.get_by_label("Total").all():
        box.fill("lots")
    page.get_by_role("button", name="Save and continue").click()

    summary = page.locator("[data-error-summary]")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert _focused_id(page) == "", "the summary has focus when the page loads"
    links = summary.get_by_role("link")
    expect(links).to_have_count(6)
    assert [link.get_attribute("href") for link in links.all()] == [f"#f{i.pk}-value" for i in indicators]
    _checked(page)

    links.nth(3).click()
    assert _focused_id(page) == f"f{indicators[3].pk}-value"
    expect(page.locator(f"#f{indicators[3].pk}-value")).to_be_in_viewport()
    assert not Return.objects.get(pk=return_.pk).figures.exclude(value=None).exists(), "nothing was saved"


@pytest.mark.parametrize("size", WIDTHS)
def test_a_spoc_fixes_a_return_from_the_summaries_and_submits_it_from_check_your_answers(
    world, live_server, browser, size
):
    a = world.a
    first, second = indicator(a, "IND-1", reporters=[a.police]), indicator(a, "IND-2", reporters=[a.police])
    action = action_create(
        actor=a.coordinator,
        partnership=a.partnership,
        title="Visit every hand car wash with HMRC",
        owner_organisation=a.police,
        due_date=timezone.localdate() + timedelta(days=90),
    )
    return_ = _current_return(a)
    page = _spoc_page(browser, live_server, a, size)
    page.goto(f"{live_server.url}/p/{a.slug}/returns/")
    page.get_by_role("link", name=re.compile("Fill in")).click()
    expect(page.get_by_role("heading", name="Your return")).to_be_visible()
    # figures, actions, narrative, evidence
    expect(page.locator(".task-status", has_text="Not started")).to_have_count(4)
    _checked(page)

    # Figures: one wrong, fixed from the summary.
    page.get_by_role("link", name="Figures: other indicators").click()
    page.locator(f"#f{first.pk}-value").fill("12")
    page.locator(f"#f{second.pk}-value").fill("twelve")
    _checked(page)
    page.get_by_role("button", name="Save and continue").click()
    page.locator("[data-error-summary]").get_by_role("link", name=re.compile("IND-2")).click()
    assert _focused_id(page) == f"f{second.pk}-value"
    _checked(page)
    page.keyboard.press("Control+A")
    page.keyboard.type("7")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Saved: Figures: other indicators.")).to_be_visible()

    # Action updates: Red without a note marks the note.
    page.get_by_role("link", name="Action updates").click()
    page.get_by_label("Proposed status").select_option("red")
    page.get_by_role("button", name="Save and continue").click()
    summary_link = page.locator("[data-error-summary]").get_by_role(
        "link", name=re.compile("Say why the action is Red")
    )
    expect(page.locator(f"#a{action.pk}-note")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#a{action.pk}-status")).not_to_have_attribute("aria-invalid", "true")
    _checked(page)
    summary_link.click()
    assert _focused_id(page) == f"a{action.pk}-note"
    page.keyboard.type("The HMRC officer left; the visits stopped.")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Saved: Action updates.")).to_be_visible()

    # Check your answers before the narrative: the summary links to each missing answer.
    page.get_by_role("link", name="Check your answers and submit").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Check your answers"))).to_be_visible()
    _checked(page)
    page.get_by_role("button", name="Submit the return").click()
    summary = page.locator("[data-error-summary]")
    expect(summary.get_by_role("link")).to_have_count(4)  # the four Ps
    assert page.title().startswith("Error: ")
    _checked(page)
    summary.get_by_role("link", name=re.compile("Progress")).click()
    expect(page.get_by_role("heading", level=1, name="Narrative in the 4Ps format")).to_be_visible()
    assert _focused_id(page) == "id_progress"
    _checked(page)
    page.keyboard.type("Two joint visits to hand car washes; nine workers spoken to.")
    page.get_by_label("Problems", exact=True).fill("Interpreters took three weeks to book.")
    page.get_by_label("Priorities", exact=True).fill("Train the new response officers.")
    page.get_by_label("Points for action", exact=True).fill("Agree a shared interpreter contract.")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Saved: Narrative in the 4Ps format.")).to_be_visible()
    expect(page.locator(".task-status", has_text="Completed")).to_have_count(3)
    _checked(page)

    page.get_by_role("link", name="Evidence").click()
    _checked(page)
    page.get_by_role("link", name="Continue to check your answers").click()
    expect(page.get_by_text("The HMRC officer left")).to_be_visible()
    page.get_by_role("button", name="Submit the return").click()
    expect(page.get_by_text("The return is submitted")).to_be_visible()
    _checked(page)
    stored = Return.objects.get(pk=return_.pk)
    assert stored.status == ReturnStatus.SUBMITTED
    assert {f.indicator.code: f.value for f in stored.figures.select_related("indicator")} == {"IND-1": 12, "IND-2": 7}
