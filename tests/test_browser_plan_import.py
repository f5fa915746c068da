"""In a real browser: a coordinator downloads the plan from the plan page, another partnership's coordinator
imports it into an empty plan, and a coordinator imports the Hampshire objectives from their own layout,
choosing on the mapping page which column holds what; axe-core finds no serious problems at 1280 and 390 px."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from indicators.models import Objective
from indicators.strategy.plan_workbook import plan_xlsx

from .browser import serious_accessibility_problems, sign_in
from .seed_tables import HAMPSHIRE, workbook
from .test_plan_workbook import _full_plan, _same_names

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("var/screenshots")


def _shots(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert serious_accessibility_problems(page) == []
    page.screenshot(path=str(SHOTS / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert serious_accessibility_problems(page) == []
    page.screenshot(path=str(SHOTS / f"{name}-390.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _upload(page, content: bytes) -> None:
    page.get_by_label("Spreadsheet (.xlsx, .xls, .ods or .csv)").set_input_files(
        files=[{"name": "plan.xlsx", "mimeType": "application/octet-stream", "buffer": content}]
    )
    page.get_by_role("button", name="Check the file").click()


def test_a_plan_downloaded_from_one_partnership_goes_into_another_with_an_empty_plan(world, live_server, page):
    a, b = world.a, world.b
    _full_plan(a)
    _same_names(a, b)
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/plan/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the plan (.xlsx)").click()
    assert download.value.suggested_filename == f"{a.slug}-plan.xlsx"
    _shots(page, "plan-export-button")

    page.context.clear_cookies()
    sign_in(page, live_server, b.coordinator.email)
    page.goto(f"{live_server.url}/p/{b.slug}/plan/")
    page.get_by_role("link", name="Import a plan").click()
    expect(page.get_by_text("This partnership has no plan yet, so a whole plan workbook can go in.")).to_be_visible()
    _shots(page, "plan-import-upload")
    _upload(page, plan_xlsx(a.partnership))
    expect(page.get_by_text(re.compile(r"Every row is valid: all \d+ rows are valid"))).to_be_visible()
    _shots(page, "plan-import-check")
    page.get_by_role("button", name=re.compile(r"Import \d+ rows")).click()
    expect(page).to_have_url(re.compile(r"/plan/$"))
    assert set(Objective.objects.filter(partnership=b.partnership).values_list("code", flat=True)) == {"OBJ1", "OBJ2"}


def test_the_hampshire_objectives_go_in_through_the_mapping_page(world, live_server, page):
    a = world.a
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/objectives/")
    page.get_by_role("link", name="Import objectives").click()
    _upload(page, workbook({"Hampshire": HAMPSHIRE}))
    page.get_by_label("Strand", exact=True).select_option("4P")
    page.get_by_label("Impact", exact=True).select_option("Impact")
    page.get_by_label("Activities").select_option("Actions")
    page.get_by_label("Outcomes").select_option("Outputs and outcomes")
    page.get_by_role("button", name="Check again with these columns").click()
    expect(page.get_by_text("Every row is valid: all 2 rows are valid")).to_be_visible()
    _shots(page, "objectives-import-mapping")
    page.get_by_role("button", name="Import 2 rows").click()
    expect(page).to_have_url(re.compile(r"/objectives/$"))
    aware = Objective.objects.get(partnership=a.partnership, title="Make people aware of modern slavery")
    assert aware.strand.code == "protect" and aware.chain_entries.count() == 6
