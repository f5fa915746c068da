"""In a real browser, at desktop and phone widths: a coordinator answers a recommendation (first
without the reasons a partial acceptance needs, then with them) and turns it into actions in one
click; the register and board read well; axe-core finds no serious or critical problems."""

import os
import re

import pytest
from playwright.sync_api import expect

from actionplans.learning.models import Recommendation

from .browser import serious_accessibility_problems, sign_in
from .learning_helpers import accepted, make_recommendation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("ASPM_SCREENSHOTS")  # a folder to keep screenshots in, when looking by eye


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_coordinator_answers_a_recommendation_and_raises_its_actions(world, live_server, page, width):
    a = world.a
    page.set_viewport_size({"width": width, "height": 900})
    rec = make_recommendation(a, reference="1.3", text="Follow up trainees three to six months after training")
    done = accepted(a, reference="2.1", text="Plan over three years with yearly milestones")
    make_recommendation(
        a,
        reference="3.1",
        text="Train higher-risk sectors with the business members",
        response_due=rec.due_date.replace(year=2026, month=4, day=30),
    )
    sign_in(page, live_server, a.coordinator.email)

    page.goto(f"{live_server.url}/p/{a.slug}/recommendations/")
    expect(page.get_by_role("heading", name="Recommendations and our responses")).to_be_visible()
    expect(page.get_by_text("Response overdue").locator("visible=true")).to_have_count(1)
    assert serious_accessibility_problems(page) == []
    _shot(page, f"register-{width}")
    page.get_by_role("link", name="Board").click()
    expect(page.get_by_role("heading", name="Awaiting response")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    _shot(page, f"board-{width}")

    page.goto(f"{live_server.url}/p/{a.slug}/recommendations/{rec.pk}/")
    assert serious_accessibility_problems(page) == []
    page.get_by_role("link", name="Record the response").click()
    page.get_by_label("Partly accepted").check()
    page.get_by_role("button", name="Record the response").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Give the reasons")
    assert serious_accessibility_problems(page) == []
    _shot(page, f"respond-error-{width}")
    page.get_by_label("Reasons").fill("Frontline training only; awareness sessions are too many.")
    page.get_by_role("button", name="Record the response").click()
    expect(page).to_have_url(re.compile(rf"/recommendations/{rec.pk}/$"))
    page.get_by_label("Actions to add to the plan, one a line").fill("Survey frontline trainees after three months")
    page.get_by_role("button", name="Add to the action plan").click()
    expect(page.get_by_role("link", name="Survey frontline trainees after three months")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    _shot(page, f"detail-{width}")
    assert Recommendation.objects.get(pk=rec.pk).status == "in_progress"
    assert done.status == "agreed"


def test_deleting_a_recommendation_asks_first_and_a_no_keeps_it(world, live_server, page):
    a = world.a
    rec = make_recommendation(a, reference="4.1", text="Publish the statement on the council's website")
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/recommendations/{rec.pk}/")
    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", answer)
    page.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("button", name="Delete")).to_be_visible()
    assert asked and "Delete this recommendation" in asked[0]
    assert Recommendation.objects.filter(pk=rec.pk).exists()
