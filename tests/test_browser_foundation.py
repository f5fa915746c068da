"""In a real browser: sign in, switch partnership, invite a member, accept in a fresh session;
axe-core finds no serious or critical problems on the way."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from partnerships import services
from partnerships.models import Membership, Role

from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_switches_partnership_and_invites_someone_who_joins(world, live_server, browser):
    a, b = world.a, world.b
    services.membership_create(actor=None, partnership=b.partnership, user=a.coordinator, role=Role.VIEWER)

    coordinator = browser.new_context(locale="en-GB")
    page = coordinator.new_page()
    sign_in(page, live_server, a.coordinator.email)
    expect(page.get_by_role("heading", name="Your partnerships")).to_be_visible()
    assert serious_accessibility_problems(page) == []

    page.get_by_role("link", name="Northvale").click()
    expect(page.get_by_role("heading", name="Northvale", level=1)).to_be_visible()
    assert serious_accessibility_problems(page) == []

    # Switch to the other partnership from the menu.
    page.locator("#switcher").click()
    page.get_by_role("link", name=re.compile("Southmoor")).click()
    expect(page.get_by_role("heading", name="Southmoor", level=1)).to_be_visible()
    assert "/p/southmoor/" in page.url
    page.locator("#switcher").click()
    page.get_by_role("link", name=re.compile("Northvale")).click()

    # Invite a new member.
    page.get_by_role("link", name="Members", exact=True).click()
    expect(page).to_have_url(re.compile(r"/members/$"))
    assert serious_accessibility_problems(page) == []
    page.get_by_role("link", name="Invite a member").click()
    page.get_by_label("Email address").fill("ravi.patel@example.org")
    page.get_by_label("Role").select_option("board")
    assert serious_accessibility_problems(page) == []
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("An invitation is on its way to ravi.patel@example.org")).to_be_visible()
    link = re.search(r"https?://\S+/invitations/\S+/", mail.outbox[-1].body).group(0)

    # Accept it in a fresh session (another browser context: no cookies shared).
    invitee = browser.new_context(locale="en-GB")
    fresh = invitee.new_page()
    fresh.goto(link)
    expect(fresh.get_by_role("heading", name="Join Northvale")).to_be_visible()
    assert serious_accessibility_problems(fresh) == []
    fresh.get_by_label("Your full name").fill("Ravi Patel")
    fresh.get_by_label("Choose a password").fill("a-long-passphrase-41")
    fresh.get_by_label("Type the password again").fill("a-long-passphrase-41")
    fresh.get_by_role("button", name="Create my account and join").click()
    expect(fresh.get_by_text("Welcome to Northvale")).to_be_visible()
    assert Membership.objects.get(user__email="ravi.patel@example.org").role == Role.BOARD

    # The invitation is used up: the link now says so.
    fresh.goto(link)
    expect(fresh.get_by_text("already been used")).to_be_visible()
    coordinator.close()
    invitee.close()


def test_sign_in_and_audit_pages_have_no_serious_accessibility_problems(world, live_server, page):
    page.goto(f"{live_server.url}/accounts/login/")
    assert serious_accessibility_problems(page) == []
    sign_in(page, live_server, world.a.coordinator.email)
    for path in ("audit/", "organisations/", "details/", "organisations/new/"):
        page.goto(f"{live_server.url}/p/{world.a.slug}/{path}")
        assert serious_accessibility_problems(page) == [], path
    assert mail.outbox == []
