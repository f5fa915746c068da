"""In a real browser: the coordinator records a meeting with its attendance, a member answers the
survey; axe-core finds no serious or critical problems on the meetings and health pages."""

import re

import pytest
from playwright.sync_api import expect

from partnerships.models import Attendance, Meeting, SurveyAnswer, SurveyParticipation

from .browser import serious_accessibility_problems, sign_in
from .health_helpers import open_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_records_a_meeting_with_attendance(world, live_server, page):
    a = world.a
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/meetings/")
    assert serious_accessibility_problems(page) == []
    page.get_by_role("link", name="Record a meeting").click()
    expect(page).to_have_url(re.compile(r"/meetings/new/$"))
    assert serious_accessibility_problems(page) == []
    page.get_by_label("Type of meeting").select_option("board")
    page.get_by_label("Date").fill("2026-06-04")
    page.get_by_label("Title").fill("Summer board")
    page.get_by_label("Agenda").fill("1. Action plan review")
    page.get_by_role("button", name="Mark everyone present").click()
    page.get_by_label("Northvale Council: Apologies").check()
    page.get_by_label("Written minutes").fill("The board reviewed the plan.")
    page.get_by_role("button", name="Record the meeting").click()
    expect(page.get_by_role("heading", name="Summer board", level=1)).to_be_visible()
    expect(page.get_by_text("2 of 3 expected organisations were present (67%)")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    m = Meeting.objects.get(title="Summer board")
    assert Attendance.objects.get(meeting=m, organisation=a.council).status == "apologies"

    page.get_by_text("Add an action arising").click()
    page.get_by_label("Action arising").fill("Send the revised plan to partners")
    page.get_by_role("button", name="Add the action").click()
    expect(page.get_by_text("Send the revised plan to partners")).to_be_visible()
    page.goto(f"{live_server.url}/p/{a.slug}/health/")
    expect(page.get_by_role("heading", name="Partnership health", level=1)).to_be_visible()
    assert serious_accessibility_problems(page) == []
    page.goto(f"{live_server.url}/p/{a.slug}/health/targets/")
    assert serious_accessibility_problems(page) == []


def test_a_member_answers_the_survey_anonymously(world, live_server, page):
    a = world.a
    round = open_round(a)
    sign_in(page, live_server, a.spoc_police.email)
    page.goto(f"{live_server.url}/p/{a.slug}/health/survey/")
    assert serious_accessibility_problems(page) == []
    page.get_by_role("link", name="Answer the survey").click()
    expect(page).to_have_url(re.compile(r"/health/survey/\d+/answer/$"))
    assert serious_accessibility_problems(page) == []
    page.get_by_role("group", name="1. I can rely on partner").get_by_label("4 – Agree").check()
    page.get_by_role("group", name="7. Partners share the information").get_by_label("2 – Disagree").check()
    page.get_by_label("Comment on statement 7 (optional)").fill("Data comes too late")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("your answers are recorded, without your name")).to_be_visible()
    expect(page.get_by_text("You have answered this round.")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    assert SurveyParticipation.objects.filter(round=round).count() == 1
    assert sorted(SurveyAnswer.objects.values_list("statement", "score")) == [("share_data", 2), ("trust_rely", 4)]
