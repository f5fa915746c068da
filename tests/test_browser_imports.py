"""In a real browser: a coordinator imports the action plan from its own layout (a title row, its own
headings), says on the mapping page which column holds the due date, checks and imports it; axe-core
finds no serious or critical problems on the mapping page at desktop and phone widths."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from actionplans.models import Action

from .browser import serious_accessibility_problems, sign_in
from .test_import_pipeline import _workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("var/screenshots")


def test_coordinator_maps_the_columns_of_their_own_plan_and_imports_it(world, live_server, page):
    a = world.a
    plan = _workbook(
        {
            "Pursue": [
                ["Northvale partnership: action plan 2016-17"],
                ["Action 2016-17", "Owner", "Completion target", "RAG Status"],
                ["Brief taxi drivers on the signs of exploitation – all firms", a.police.name, "31/03/2017", "G"],
            ],
            "Protect": [
                ["Action 2016-17", "Owner", "Completion target", "RAG Status"],
                ["Agree a referral route with the hospitals (£3,250 budget)", a.council.name, "March 2017", "Blue"],
            ],
        }
    )
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/actions/import/")
    page.get_by_label("Spreadsheet (.xlsx, .xls, .ods or .csv)").set_input_files(
        files=[{"name": "plan.xlsx", "mimeType": "application/octet-stream", "buffer": plan}]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("The file lacks these columns: due_date.")).to_be_visible()
    assert serious_accessibility_problems(page) == []

    page.get_by_label("Due date (required)").select_option("Completion target")
    page.get_by_role("button", name="Check again with these columns").click()
    expect(page.get_by_text("Every row is valid: all 2 rows are valid")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "import-mapping-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert serious_accessibility_problems(page) == []
    page.screenshot(path=str(SHOTS / "import-mapping-390.png"), full_page=True)

    page.get_by_role("button", name="Import 2 rows").click()
    expect(page).to_have_url(re.compile(r"/actions/$"))
    assert sorted(Action.objects.values_list("title", flat=True)) == [
        "Agree a referral route with the hospitals (£3,250 budget)",
        "Brief taxi drivers on the signs of exploitation – all firms",
    ]
