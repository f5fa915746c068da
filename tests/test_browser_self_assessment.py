"""In a real browser, at desktop and phone widths: a SPOC rates a statement of a self-assessment round
for their organisation (first with no level, fixed from the error summary), and the coordinator reads
the results grid with the gap and its change, and closes a round on a phone after confirming; axe-core
finds no serious or critical problems."""

import pytest
from playwright.sync_api import expect

from actionplans.learning.models import AssessmentRating
from actionplans.learning.services import self_assessment as services

from .browser import serious_accessibility_problems, sign_in
from .learning_helpers import make_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATEMENT = "Front-line staff can recognise the signs of exploitation in the people they meet."


@pytest.mark.parametrize("width", [1280, 390])
def test_a_spoc_rates_a_statement_for_their_organisation(world, live_server, page, width):
    a = world.a
    page.set_viewport_size({"width": width, "height": 900})
    made = make_round(a)
    sign_in(page, live_server, a.spoc_police.email)

    page.goto(f"{live_server.url}/p/{a.slug}/self-assessment/")
    expect(page.get_by_role("heading", name="Self-assessment")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    page.get_by_role("link", name=f"Rate {a.police.name} in {made.title}").click()
    expect(page.get_by_role("heading", name=a.police.name)).to_be_visible()
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name=STATEMENT).click()

    page.get_by_label("Evidence").fill("All response officers trained in 2026.")
    page.get_by_role("button", name="Save the rating").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    assert serious_accessibility_problems(page) == []
    assert not AssessmentRating.objects.exists()
    page.get_by_label("3 Established", exact=False).check()
    page.get_by_role("button", name="Save the rating").click()

    expect(page.get_by_text("is saved")).to_be_visible()
    expect(page.get_by_text("Rated 3: All response officers trained in 2026.")).to_be_visible()
    rating = AssessmentRating.objects.get()
    assert (rating.organisation, rating.level, rating.rated_by) == (a.police, 3, a.spoc_police)
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1280, 390])
def test_the_coordinator_reads_the_results_with_a_gap(world, live_server, page, width):
    a = world.a
    page.set_viewport_size({"width": width, "height": 900})
    made = make_round(a)
    for organisation, level in ((a.police, 2), (a.charity, 1)):
        services.rating_record(
            actor=a.coordinator, statement=made.statements.get(code="VIC1"), organisation=organisation, level=level
        )
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/self-assessment/{made.pk}/")
    expect(page.get_by_role("heading", name="Gaps")).to_be_visible()
    expect(page.get_by_role("link", name=f"Raise an action on “{STATEMENT}”")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_coordinator_closes_the_round_on_a_phone_after_confirming(world, live_server, page):
    a = world.a
    page.set_viewport_size({"width": 390, "height": 900})
    made = make_round(a)
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/self-assessment/{made.pk}/")
    page.get_by_text("Close the round", exact=True).click()
    assert serious_accessibility_problems(page) == []
    page.get_by_role("button", name="Yes, close the round").click()
    expect(page.get_by_text("The round is closed: it takes no more ratings.").first).to_be_visible()
    made.refresh_from_db()
    assert made.status == "closed"
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
