"""In a real browser: a coordinator asks for a version for publication, is refused while a flagged
sentence is unreviewed, edits it, and makes the version; axe-core finds no serious problems."""

import re
from unittest import mock

import pytest
from playwright.sync_api import expect

from .browser import serious_accessibility_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_reviews_a_flagged_sentence_before_the_publication_version_is_made(world, live_server, page):
    a = world.a
    with mock.patch("reports.jobs.services.queue.enqueue", return_value=True):
        sign_in(page, live_server, a.coordinator.email)
        page.goto(f"{live_server.url}/p/{a.slug}/annual-reports/new/")
        page.get_by_label("Foreword (optional)").fill("Thanks to every partner. Two people were helped at a nail bar.")
        page.get_by_label(re.compile("for publication", re.I)).check()
        page.get_by_role("button", name="Make the report").click()

        expect(page.get_by_role("heading", name="Review the words before publication")).to_be_visible()
        expect(page.locator("#review-progress")).to_contain_text("0 of 1 sentence reviewed")
        assert serious_accessibility_problems(page) == []

        page.get_by_role("button", name="Make the publication version").click()
        expect(page.get_by_role("alert")).to_contain_text("1 of 1 flagged sentence is not reviewed yet")
        assert page.title().startswith("Error: ")
        assert serious_accessibility_problems(page) == []

        page.get_by_label("Or print these words instead").fill("People were helped.")
        page.get_by_role("button", name="Use these words").click()
        expect(page.locator("#review-progress")).to_contain_text("1 of 1 sentence reviewed")
        page.get_by_role("button", name="Make the publication version").click()
        expect(page).to_have_url(re.compile(r"/annual-reports/jobs/\d+/$"))
