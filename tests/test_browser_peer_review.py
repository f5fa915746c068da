"""In a real browser on a phone (390 px): Southmoor's coordinator, invited by Northvale to review a round,
finds it from their own rounds page, reads the results with the gap, sends feedback (first empty, fixed
from the error summary); Northvale's coordinator invites from the round page (first a partnership that
does not exist). axe-core finds no serious or critical problems and nothing scrolls sideways."""

import pytest
from playwright.sync_api import expect

from actionplans.learning.models import PeerReview
from actionplans.learning.services import peer_review, self_assessment

from .browser import serious_accessibility_problems, sign_in
from .learning_helpers import make_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 390


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= WIDTH


def test_the_reviewer_reads_the_round_and_sends_feedback_on_a_phone(world, live_server, page):
    a, b = world.a, world.b
    page.set_viewport_size({"width": WIDTH, "height": 900})
    made = make_round(a, title="Self-assessment 2026")
    for organisation, level in ((a.police, 2), (a.charity, 1)):
        self_assessment.rating_record(
            actor=a.coordinator, statement=made.statements.get(code="DAT1"), organisation=organisation, level=level
        )
    invitation = peer_review.peer_review_invite(actor=a.coordinator, round=made, reviewer="southmoor")
    sign_in(page, live_server, b.coordinator.email)

    page.goto(f"{live_server.url}/p/{b.slug}/self-assessment/")
    page.get_by_role("link", name="your peer reviews").click()
    expect(page.get_by_role("heading", name="Peer reviews")).to_be_visible()
    assert serious_accessibility_problems(page) == [] and fits(page)
    page.get_by_role("link", name=f"Self-assessment 2026 of {a.partnership.name}").click()

    expect(page.get_by_role("heading", name="Self-assessment 2026")).to_be_visible()
    expect(page.get_by_role("heading", name="Gaps")).to_be_visible()
    expect(page.get_by_role("columnheader", name=a.police.name)).to_be_visible()
    assert serious_accessibility_problems(page) == [] and fits(page)

    page.get_by_role("button", name="Send the feedback").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    assert serious_accessibility_problems(page) == [] and fits(page)
    page.get_by_label("Your feedback to the partnership").fill("Record keeping is the gap to close first.")
    page.get_by_role("button", name="Send the feedback").click()

    expect(page.get_by_text(f"Your feedback is sent to {a.partnership.name}.")).to_be_visible()
    invitation.refresh_from_db()
    assert (invitation.feedback, invitation.feedback_by) == ("Record keeping is the gap to close first.", b.coordinator)
    assert serious_accessibility_problems(page) == [] and fits(page)


def test_the_host_coordinator_invites_a_peer_reviewer_on_a_phone(world, live_server, page):
    a, b = world.a, world.b
    page.set_viewport_size({"width": WIDTH, "height": 900})
    made = make_round(a, title="Self-assessment 2026")
    sign_in(page, live_server, a.coordinator.email)

    page.goto(f"{live_server.url}/p/{a.slug}/self-assessment/{made.pk}/")
    page.get_by_label("Partnership to invite").fill("Atlantis")
    page.get_by_role("button", name="Invite a peer reviewer").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("No partnership on ASPM is called “Atlantis”")
    assert serious_accessibility_problems(page) == [] and fits(page)
    assert not PeerReview.objects.exists()

    page.get_by_label("Partnership to invite").fill(b.partnership.name)
    page.get_by_role("button", name="Invite a peer reviewer").click()
    expect(page.get_by_text(f"{b.partnership.name} is invited")).to_be_visible()
    assert PeerReview.objects.get().reviewer == b.partnership
    assert serious_accessibility_problems(page) == [] and fits(page)
