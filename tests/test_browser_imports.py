"""In a real browser: a coordinator imports the action plan from its own layout (a title row, its own
headings), says on the mapping page which column holds the due date, checks and imports it; axe-core
finds no serious or critical problems on the mapping page at desktop and phone widths."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from actionplans.models import Action

from .browser import serious_accessibility_problems, sign_in
from .seed_tables import workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("var/screenshots")


def test_coordinator_maps_the_columns_of_their_own_plan_and_imports_it(world, live_server, page):
    a = world.a
    plan = workbook(
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


def test_coordinator_imports_an_ods_plan_and_is_told_plainly_when_a_file_is_not_a_spreadsheet(world, live_server, page):
    from . import ods_files as ods

    a = world.a
    plan = ods.sheet(
        "Plan",
        [
            ["Northvale partnership: action plan 2016-17"],
            ["Action 2016-17", "Owner", "Timescale", "RAG Status"],
            ["Fund £3,250 – taxi training", a.police.name, "30/06/2017", "G"],
        ],
    )
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/actions/import/")
    upload = page.get_by_label("Spreadsheet (.xlsx, .xls, .ods or .csv)")
    upload.set_input_files(
        files=[{"name": "plan.ods", "mimeType": "text/html", "buffer": b"<html><body>x</body></html>"}]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(
        page.get_by_text("This is not a spreadsheet: upload an Excel workbook (.xlsx or .xls)").first
    ).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "import-not-a-spreadsheet-1280.png"), full_page=True)

    upload.set_input_files(files=[{"name": "plan.ods", "mimeType": "application/octet-stream", "buffer": plan}])
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("Every row is valid: all 1 row is valid")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    page.screenshot(path=str(SHOTS / "import-ods-1280.png"), full_page=True)
    page.get_by_role("button", name="Import 1 row").click()
    expect(page).to_have_url(re.compile(r"/actions/$"))
    assert list(Action.objects.values_list("title", flat=True)) == ["Fund £3,250 – taxi training"]
