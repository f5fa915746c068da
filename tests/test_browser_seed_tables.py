"""In a real browser: a coordinator imports the Scottish measures table as figures, choosing on the mapping
page the column that names each row's type and typing once the measure, the year and the agency; and the
pre-NRM funding agreement's results chain through the objectives import; and the partner organisations
from the partnership's own list, their SPOCs invited. axe-core finds no serious problems on the mapping
pages at 1280 and 390 px."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from indicators.models import Figure, Objective
from partnerships.models import Organisation

from .browser import serious_accessibility_problems, sign_in
from .seed_tables import PRE_NRM, SCOTTISH_TOTAL, scottish_measures, victims_identified, workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("var/screenshots")


def _shots(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert serious_accessibility_problems(page) == []
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _upload(page, name: str, content: bytes) -> None:
    page.get_by_label("Spreadsheet (.xlsx or .csv)").set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": content}]
    )
    page.get_by_role("button", name="Check the file").click()


def test_the_scottish_measures_table_goes_in_through_the_mapping_page(world, live_server, page):
    a = world.a
    victims_identified(a)
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/measurement-data/figures/import/")
    _upload(page, "scotland.xlsx", workbook({"Measures": scottish_measures()}))
    expect(page.get_by_text("The file lacks these columns: indicator_code, organisation, period.")).to_be_visible()
    expect(page.get_by_label("Sex × Age group: Female, Child")).to_have_value("Female minor")
    _shots(page, "seed-scottish-missing")

    page.get_by_label("Or, when no column holds it, the same indicator code for every row").fill("VIC-SCOT")
    page.get_by_label("Or, when no column holds it, the same period for every row").fill("2017/18")
    page.get_by_label("Or, when no column holds it, the same organisation for every row").fill(a.police.name)
    page.locator("summary", has_text="The row's group").click()
    page.get_by_label("Exploitation type (the row's group)").select_option("Type")
    page.get_by_role("button", name="Check again with these columns").click()
    expect(page.get_by_text("Every row is valid: all 3 rows are valid")).to_be_visible()
    _shots(page, "seed-scottish-valid")
    page.get_by_role("button", name="Import 3 rows").click()
    expect(page.get_by_text("Imported 3 rows of figures.")).to_be_visible()
    figure = Figure.objects.get(indicator__code="VIC-SCOT", organisation=a.police)
    assert figure.value == SCOTTISH_TOTAL
    assert figure.breakdown["exploitation_type*sex*age_group"]["labour*male*child"] == 28


def test_the_pre_nrm_results_chain_goes_in_through_the_objectives_mapping_page(world, live_server, page):
    a = world.a
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/objectives/")
    page.get_by_role("link", name="Import objectives").click()
    _upload(page, "pre-nrm.xlsx", workbook({"Results chain": PRE_NRM}))
    expect(page.get_by_label("Outcomes", exact=True)).to_have_value("Desired outcomes")
    expect(page.get_by_label("Key performance indicators")).to_have_value("Key performance indicators")
    page.get_by_label("Or, when no column holds it, the same owner organisation for every row").fill(a.charity.name)
    page.get_by_role("button", name="Check again with these columns").click()
    expect(page.get_by_text("Every row is valid: all 3 rows are valid")).to_be_visible()
    _shots(page, "seed-pre-nrm-valid")
    page.get_by_role("button", name="Import 3 rows").click()
    expect(page).to_have_url(re.compile(r"/objectives/$"))
    objectives = Objective.objects.filter(partnership=a.partnership)
    assert objectives.count() == 3
    assert {o.owner_organisation for o in objectives} == {a.charity}


def test_a_coordinator_imports_the_partner_organisations_from_their_own_list(world, live_server, page):
    a = world.a
    sign_in(page, live_server, a.coordinator.email)
    page.goto(f"{live_server.url}/p/{a.slug}/organisations/")
    _shots(page, "organisations-list")
    page.get_by_role("link", name="Import organisations").click()
    _shots(page, "organisations-import-upload")
    partners = workbook(
        {
            "Partners": [
                ["Who is round the table, March 2017"],
                ["Agency", "Sector", "Who speaks for it", "Their email"],
                ["Harbour Mission", "Faith", "Tom Ade", "tom.ade@harbour.example"],
                ["Northvale Police", "Police", "", ""],
            ]
        }
    )
    _upload(page, "partners.xlsx", partners)
    expect(page.get_by_label("Organisation (required)")).to_have_value("Agency")
    page.get_by_label("SPOC's name").select_option("Who speaks for it")
    page.get_by_label("SPOC's email").select_option("Their email")
    page.get_by_role("button", name="Check again with these columns").click()
    expect(page.get_by_text("1 of 2 rows have problems")).to_be_visible()
    expect(page.get_by_text("The partnership already has an organisation named “Northvale Police”")).to_be_visible()
    _shots(page, "organisations-import-problem")

    page.get_by_role("button", name="Cancel and remove the file").click()
    _upload(page, "partners.xlsx", workbook({"Partners": partners_without_police()}))
    expect(page.get_by_text("Every row is valid: all 1 row is valid")).to_be_visible()
    expect(page.get_by_role("cell", name="Be added, and Tom Ade invited as its partner SPOC")).to_be_visible()
    page.get_by_role("button", name="Import 1 row").click()
    expect(page.get_by_role("rowheader", name="Harbour Mission")).to_be_visible()
    assert Organisation.objects.get(name="Harbour Mission").sector == "faith_community"


def partners_without_police() -> list[list]:
    return [
        ["Agency", "Sector", "Who speaks for it", "Their email"],
        ["Harbour Mission", "Faith", "Tom Ade", "tom.ade@harbour.example"],
    ]
