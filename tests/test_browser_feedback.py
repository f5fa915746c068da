"""In a real browser on a phone (390 px) and a desktop (1280 px): the survivor support charity's SPOC
enters a service user's answers to a feedback form, is refused when a free-text answer gives a phone
number (fixed from the error summary), and the answers are kept; axe-core finds no serious or critical
problems and nothing is wider than the screen. On a phone, the coordinator links a question to an
indicator and closes the form after confirming."""

import pytest
from playwright.sync_api import expect

from actionplans.learning.models import FeedbackIndicatorLink, FeedbackResponse

from .browser import serious_accessibility_problems, sign_in
from .learning_helpers import involved_indicator, make_feedback_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_a_worker_enters_a_service_users_answers_on_a_phone(world, live_server, page, width):
    a = world.a
    page.set_viewport_size({"width": width, "height": 900})
    make_feedback_form(a)
    sign_in(page, live_server, a.spoc_charity.email)

    page.goto(f"{live_server.url}/p/{a.slug}/feedback/")
    expect(page.get_by_role("heading", name="Feedback", exact=True)).to_be_visible()
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="Enter answers to How was your support?").click()

    expect(page.get_by_role("heading", name="How was your support?")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("group", name="Staff listened to what I had to say.").get_by_label("Strongly agree").check()
    page.get_by_role("group", name="I had a say in decisions about my support.").get_by_label(
        "Agree", exact=True
    ).check()
    page.get_by_label("What one thing should the service change?").fill("Ring me on 07700 900123 about it.")
    page.get_by_role("button", name="Keep these answers").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("may identify someone")
    assert FeedbackResponse.objects.count() == 0
    assert serious_accessibility_problems(page) == []
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("What one thing should the service change?")).to_be_focused()
    page.get_by_label("What one thing should the service change?").fill("Appointments in the evening.")
    page.get_by_role("button", name="Keep these answers").click()

    expect(page.get_by_text("Thank you: the answers are kept")).to_be_visible()
    kept = FeedbackResponse.objects.get()
    assert kept.answers == {"su_listened": 5, "su_involved": 4, "su_change": "Appointments in the evening."}
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_coordinator_links_a_question_to_an_indicator_and_closes_the_form_on_a_phone(world, live_server, page):
    a = world.a
    page.set_viewport_size({"width": 390, "height": 900})
    form = make_feedback_form(a)
    indicator = involved_indicator(a)
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/feedback/{form.pk}/")
    page.get_by_text("Link a question to an indicator").click()
    page.get_by_label("Question").select_option(label="I had a say in decisions about my support.")
    page.get_by_label("Indicator it feeds").select_option(value=str(indicator.pk))
    assert serious_accessibility_problems(page) == []
    page.get_by_role("button", name="Link", exact=True).click()
    expect(page.get_by_text("The question now feeds the indicator")).to_be_visible()
    assert FeedbackIndicatorLink.objects.get().indicator == indicator
    page.get_by_text("Close to answers").click()
    page.get_by_role("button", name="Yes, close the form").click()
    expect(page.get_by_text("The form is closed: it takes no more answers.")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
