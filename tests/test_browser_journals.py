"""In a real browser, at desktop and phone widths: a coordinator adds a progress marker to a boundary
partner, records a review (first without evidence, fixed from the error summary), and reads the
progress chart; axe-core finds no serious or critical problems on the journals pages."""

import pytest
from playwright.sync_api import expect

from actionplans.learning.models import MarkerLevel

from .browser import serious_accessibility_problems, sign_in
from .learning_helpers import make_boundary_partner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_coordinator_records_a_review_of_a_boundary_partner(world, live_server, page, width):
    a = world.a
    page.set_viewport_size({"width": width, "height": 900})
    partner = make_boundary_partner(a, markers=[(MarkerLevel.EXPECT, "Owners come to an awareness session")])
    sign_in(page, live_server, a.coordinator.email)

    page.goto(f"{live_server.url}/p/{a.slug}/journals/")
    expect(page.get_by_role("heading", name="Outcome journals")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="Hotel and short-let owners").click()

    page.get_by_label("Level").select_option(label="Like to see")
    page.get_by_label("What you would see").fill("Staff report a suspicious booking")
    page.get_by_role("button", name="Add marker").click()
    expect(page.get_by_text("The progress marker is added.")).to_be_visible()
    assert serious_accessibility_problems(page) == []

    page.get_by_role("link", name="Record a review").click()
    page.get_by_label("Expect to see: Owners come to an awareness session").check()
    page.get_by_role("button", name="Record the review").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    assert serious_accessibility_problems(page) == []
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Evidence")).to_be_focused()
    page.get_by_label("Evidence").fill("Eleven owners came to the spring session.")
    page.get_by_role("button", name="Record the review").click()

    expect(page.get_by_text("The journal entry is recorded.")).to_be_visible()
    expect(page.get_by_text("Eleven owners came to the spring session.")).to_be_visible()
    assert partner.entries.count() == 1
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
