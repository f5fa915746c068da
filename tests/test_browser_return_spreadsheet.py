"""In a real browser: the police SPOC fills their quarterly return from their own spreadsheet on the one
import page, maps its columns, sees the row whose indicator is not in the return refused with its reason,
then imports a corrected file; axe-core finds no serious or critical problems at desktop and phone widths."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from indicators.models import Unit
from reports.models import ReturnFigure

from .browser import serious_accessibility_problems, sign_in
from .returns_cast import indicator, police_return

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("var/screenshots")


def _csv(text: str) -> dict:
    return {"name": "our-figures.csv", "mimeType": "text/csv", "buffer": text.encode("cp1252")}


def test_a_spoc_maps_their_own_spreadsheet_onto_the_return_and_imports_it(world, live_server, page):
    a = world.a
    indicator(a, "IND-1", reporters=[a.police], disaggregation=["sex"], name="Victims referred to the NRM")
    indicator(a, "IND-2", unit=Unit.TEXT, reporters=[a.police], name="What survivors told us")
    return_ = police_return(a)
    url = f"{live_server.url}/p/{a.slug}/returns/{return_.pk}/spreadsheet/"
    sign_in(page, live_server, a.spoc_police.email)
    page.goto(url)
    expect(page.get_by_role("heading", name="Fill in the figures from a spreadsheet")).to_be_visible()
    expect(page.get_by_role("link", name="This return's template (.xlsx)")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "return-spreadsheet-upload-1280.png"), full_page=True)

    page.get_by_label("Spreadsheet (.xlsx, .xls, .ods or .csv)").set_input_files(
        files=[
            _csv(
                "Our ref;Q1 total;Women;Men;Remarks\n"
                "IND-1;3;2;1;From the custody log – £0 spent\n"
                "IND-2;Felt listened to;;;\n"
                "IND-9;4;;;Not ours\n"
            )
        ]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("The file lacks these columns: indicator_code.")).to_be_visible()
    page.get_by_label("Indicator (its code or name) (required)").select_option("Our ref")
    page.get_by_label("Value").select_option("Q1 total")
    page.locator("summary", has_text="Splits of the figure").click()
    page.get_by_label("Sex: Female").select_option("Women")
    page.get_by_label("Sex: Male").select_option("Men")
    page.get_by_label("Comment").select_option("Remarks")
    page.get_by_role("button", name="Check again with these columns").click()
    expect(page.get_by_text("1 of 3 rows have problems")).to_be_visible()
    expect(page.get_by_text("“IND-9” is not one of the indicators in this return")).to_be_visible()
    assert serious_accessibility_problems(page) == []
    page.screenshot(path=str(SHOTS / "return-spreadsheet-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert serious_accessibility_problems(page) == []
    page.screenshot(path=str(SHOTS / "return-spreadsheet-390.png"), full_page=True)
    assert not ReturnFigure.objects.filter(return_obj=return_, value__isnull=False).exists()

    page.get_by_role("button", name="Cancel and remove the file").click()
    page.get_by_label("Spreadsheet (.xlsx, .xls, .ods or .csv)").set_input_files(
        files=[_csv("Our ref;Q1 total;Women;Men;Remarks\nIND-1;3;2;1;From the custody log\nIND-2;Felt listened;;;\n")]
    )
    page.get_by_role("button", name="Check the file").click()  # the columns chosen before are remembered
    expect(page.get_by_text("Every row is valid: all 2 rows are valid")).to_be_visible()
    page.screenshot(path=str(SHOTS / "return-spreadsheet-valid-390.png"), full_page=True)
    page.get_by_role("button", name="Import 2 rows").click()
    expect(page).to_have_url(re.compile(rf"/returns/{return_.pk}/$"))
    figure = ReturnFigure.objects.get(return_obj=return_, indicator__code="IND-1")
    assert figure.value == 3 and figure.breakdown == {"sex": {"female": 2, "male": 1}}
