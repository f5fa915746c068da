"""In a real browser: the SPOC fills in the 4Ps narrative and submits; the coordinator returns it
with a reason; the SPOC fixes it and resubmits; the coordinator approves. Then: text typed after
the session ended comes back after signing in again. axe-core checks the pages on the way."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actionplans.models import RagStatus
from actionplans.services import action_create
from indicators.models import Figure, FigureSource
from reports.models import Return, ReturnStatus, ReturnTransition

from .browser import serious_accessibility_problems, sign_in
from .returns_cast import indicator, open_period, quarter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _eventually(page, check, seconds=10):
    """Wait until ``check()`` is true (the autosave runs a few seconds after typing stops)."""
    for _ in range(seconds * 4):
        if check():
            return True
        page.wait_for_timeout(250)
    return check()


def _current_quarter(side):
    today = timezone.localdate()
    period = quarter(side, timezone.datetime(today.year, ((today.month - 1) // 3) * 3 + 1, 1).date())
    open_period(side, period)
    return Return.objects.get(organisation=side.police, period=period)


def test_submit_return_resubmit_approve(world, live_server, browser):
    a = world.a
    today = timezone.localdate()
    ind = indicator(a, "IND-1", reporters=[a.police], name="Potential victims referred to the NRM")
    action = action_create(
        actor=a.coordinator,
        partnership=a.partnership,
        title="Visit every hand car wash with HMRC",
        owner_organisation=a.police,
        due_date=today + timedelta(days=90),
    )
    return_ = _current_quarter(a)
    spoc = browser.new_context(locale="en-GB").new_page()
    sign_in(spoc, live_server, a.spoc_police.email)
    spoc.goto(f"{live_server.url}/p/{a.slug}/returns/")
    assert serious_accessibility_problems(spoc) == []
    spoc.get_by_role("link", name=re.compile("Fill in")).click()
    expect(spoc.get_by_role("heading", level=1, name=re.compile("return for"))).to_be_visible()
    spoc.get_by_role("link", name="Narrative in the 4Ps format").click()
    spoc.get_by_label("Progress", exact=True).fill("Two joint visits to hand car washes; nine workers spoken to.")
    spoc.get_by_label("Problems", exact=True).fill("Interpreters took three weeks to book.")
    spoc.get_by_label("Priorities", exact=True).fill("Train the new response officers.")
    spoc.get_by_label("Points for action", exact=True).fill("Agree a shared interpreter contract.")
    spoc.get_by_text("Draft saved at").wait_for(timeout=10_000)
    saved = _eventually(spoc, lambda: Return.objects.get(pk=return_.pk).points_for_action.startswith("Agree"))
    assert saved, "the autosave stored everything typed, without pressing a button"
    assert serious_accessibility_problems(spoc) == []
    spoc.get_by_role("link", name="Back to the task list").click()
    spoc.get_by_role("link", name="Figures: other indicators").click()
    spoc.get_by_label("Total").fill("4")
    spoc.get_by_role("button", name="Save and continue").click()
    spoc.get_by_role("link", name="Action updates").click()
    spoc.get_by_label("Proposed status").select_option("amber")
    spoc.get_by_label("Note", exact=True).fill("The HMRC officer left; the second visit moves to next quarter.")
    spoc.get_by_role("button", name="Save and continue").click()
    spoc.get_by_role("link", name="Check your answers and submit").click()
    spoc.get_by_role("button", name="Submit the return").click()
    expect(spoc.get_by_text("The return is submitted")).to_be_visible()
    coordinator = browser.new_context(locale="en-GB").new_page()
    sign_in(coordinator, live_server, a.coordinator.email)
    coordinator.goto(f"{live_server.url}/p/{a.slug}/returns/")
    expect(coordinator.get_by_role("heading", name="Waiting for approval (1)")).to_be_visible()
    assert serious_accessibility_problems(coordinator) == []
    coordinator.get_by_role("link", name=f"{a.police}, {return_.period.label}").click()
    assert serious_accessibility_problems(coordinator) == []
    coordinator.get_by_label("Your reason").fill("Please say how many of the nine were referred to the NRM.")
    coordinator.get_by_role("button", name="Return with comments").click()
    expect(coordinator.get_by_text("is returned to")).to_be_visible()
    spoc.reload()
    reason = spoc.get_by_role("status").filter(has_text="Returned for changes by")
    expect(reason.get_by_text("how many of the nine were referred")).to_be_visible()
    fixed = "Two joint visits; nine workers spoken to, four referred to the NRM."
    spoc.get_by_role("link", name="Narrative in the 4Ps format").click()
    spoc.get_by_label("Progress", exact=True).fill(fixed)
    # let the autosave land first: SQLite (tests only) cannot run it beside the save
    assert _eventually(spoc, lambda: Return.objects.get(pk=return_.pk).progress == fixed)
    spoc.get_by_role("button", name="Save and continue").click()
    spoc.get_by_role("link", name="Check your answers and submit").click()
    spoc.get_by_role("button", name="Submit the return").click()
    expect(spoc.get_by_text("The return is submitted")).to_be_visible()
    coordinator.reload()
    expect(coordinator.get_by_text("four referred to the NRM").first).to_be_visible()
    coordinator.get_by_role("button", name="Approve and lock").click()
    expect(coordinator.get_by_text("is approved and locked")).to_be_visible()
    assert serious_accessibility_problems(coordinator) == []
    stored = Return.objects.get(pk=return_.pk)
    assert stored.status == ReturnStatus.APPROVED
    verbs = list(ReturnTransition.objects.filter(return_obj=stored).values_list("verb", flat=True))
    assert verbs == ["submit", "send_back", "resubmit", "approve"]

    spoc.reload()
    expect(spoc.get_by_text("The return is locked")).to_be_visible()
    expect(spoc.get_by_role("button", name="Submit the return")).to_have_count(0)

    # The approved figure is in the indicator's progress, and the action's status changed.
    figure = Figure.objects.get(indicator=ind, organisation=a.police)
    assert (figure.value, figure.source) == (4, FigureSource.RETURN)
    coordinator.goto(f"{live_server.url}/p/{a.slug}/indicators/{ind.pk}/")
    expect(coordinator.get_by_role("cell", name="4", exact=True).first).to_be_visible()
    assert serious_accessibility_problems(coordinator) == []
    action.refresh_from_db()
    assert action.status == RagStatus.AMBER
    line = action.history.order_by("-changed_at", "-id").first()
    assert line.changed_by == a.coordinator and "second visit moves" in line.note


def test_text_typed_after_the_session_ended_comes_back_after_signing_in(world, live_server, browser):
    a = world.a
    return_ = _current_quarter(a)
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    sign_in(page, live_server, a.spoc_police.email)
    page.goto(f"{live_server.url}/p/{a.slug}/returns/{return_.pk}/sections/narrative/")
    context.clear_cookies()  # the session ends (idle timeout) while the page is open
    page.get_by_label("Progress", exact=True).fill("Typed after my session ended")
    page.get_by_text("Your latest changes are").wait_for(timeout=10_000)
    assert Return.objects.get(pk=return_.pk).progress == ""
    assert serious_accessibility_problems(page) == []

    page.get_by_role("link", name="Sign in again").click()
    page.get_by_label("Email address").fill(a.spoc_police.email)
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(rf"/returns/{return_.pk}/sections/narrative/$"))
    expect(page.get_by_label("Progress", exact=True)).to_have_value("Typed after my session ended")
    expect(page.get_by_text("It is back in the form")).to_be_visible()
    assert _eventually(page, lambda: Return.objects.get(pk=return_.pk).progress == "Typed after my session ended")
    context.close()
