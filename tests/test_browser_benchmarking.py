"""In a real browser: the coordinator chooses what to share, the benchmarking page shows the range,
median and own position with the reminder that areas differ, an action arising goes into the plan;
axe-core finds no serious or critical problems on the benchmarking, sharing and health pages."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from actionplans.models import Action
from partnerships.meetings import services as meeting_services
from partnerships.models import BenchmarkingChoice

from .benchmark_helpers import sharing_partnership, side_shares
from .browser import serious_accessibility_problems, sign_in
from .health_helpers import meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NRM = "O6-07"


def test_coordinator_shares_indicators_and_reads_the_comparison(world, live_server, page):
    a = world.a
    for slug, q in (("eastfield", 10), ("westdale", 15), ("northby", 17), ("upton", 25)):
        sharing_partnership(slug, {NRM: [q] * 4})
    side_shares(a, {NRM: [20] * 4}, opted_in=False)
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/health/benchmarking/")
    expect(page.get_by_role("heading", name="This partnership does not take part")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    page.get_by_role("link", name="Choose what to share").click()
    expect(page).to_have_url(re.compile(r"/health/benchmarking/sharing/$"))
    assert serious_accessibility_problems(page) == []
    page.get_by_label("Share these indicators").check()
    page.get_by_label("O6-07").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The chosen indicators are shared for benchmarking.")).to_be_visible()
    expect(page.get_by_role("heading", name="Explain the differences; do not rank")).to_be_visible()
    row = page.get_by_role("row", name="O6-07")
    expect(row).to_contain_text("Above the median")
    expect(row).to_contain_text("68")  # the median of 40, 60, 68, 80 and 100
    assert serious_accessibility_problems(page) == []
    for other in ("Eastfield", "Westdale", "Northby", "Upton"):
        assert other not in page.content()
    assert BenchmarkingChoice.objects.get(partnership=a.partnership).opted_in


def test_an_action_arising_goes_into_the_plan_from_the_meeting_page(world, live_server, page):
    a = world.a
    m = meeting(a, dt.date.today() - dt.timedelta(days=3))
    item = meeting_services.meeting_item_add(actor=a.coordinator, meeting=m, text="Brief the night-time economy venues")
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/meetings/{m.pk}/")
    page.locator(f"#owner-{item.pk}").select_option(label="Northvale Police")
    page.locator(f"#due-{item.pk}").fill((dt.date.today() + dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Add to the plan").click()
    expect(page.get_by_text("is now in the action plan")).to_be_visible()
    expect(page.get_by_role("link", name="Action in the plan")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    assert Action.objects.filter(partnership=a.partnership, title="Brief the night-time economy venues").exists()
    page.goto(f"{live_server.url}/p/{a.slug}/health/")
    assert (
        page.get_by_role("cell", name="Actions completed on time").is_visible()
        or page.get_by_text("Actions completed on time").first.is_visible()
    )
    assert serious_accessibility_problems(page) == []
