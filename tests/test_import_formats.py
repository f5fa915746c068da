"""Every import reads .xlsx, .xls, .ods and .csv, and refuses before reading it all a file past 100,000
rows or 200 columns, a tiny .ods that repeats a row a million cells' worth, or HTML or a program
wearing a spreadsheet's name."""

import datetime as dt
import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplans.imports import ACTIONS
from actionplans.models import Action
from aspm.imports.mapping import score_for
from aspm.imports.ods import numbered_rows
from aspm.imports.reading import read_sheets
from aspm.imports.xls import numbered_rows as xls_rows
from aspm.spreadsheets import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, read_table
from indicators.models import Figure

from . import measurement_helpers as m
from . import ods_files as ods

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
HEADINGS = ["Action 2016-17", "Owner", "Timescale", "RAG Status"]


def _actions_url(side) -> str:
    return reverse("actions:import", kwargs={"slug": side.slug})


def _peak_bytes(call) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _refusal(content: bytes) -> tuple[str, int]:
    """The reading's refusal of ``content`` and the most memory it held."""

    def read():
        with pytest.raises(ValidationError) as caught:
            read_sheets(content, score=score_for(ACTIONS.fields))
        return caught.value.messages[0]

    return _peak_bytes(read)


def _import(client, side, content: bytes, name: str):
    page = client.post(_actions_url(side), {"file": SimpleUploadedFile(name, content)})
    assert "Every row is valid" in page.content.decode(), page.content.decode()
    client.post(_actions_url(side), {"confirm": "1", "token": page.context["token"]})


def test_an_ods_action_plan_goes_in_with_its_title_row_and_its_pound_and_dash_intact(a, login):
    content = ods.sheet(
        "Plan",
        [
            ["Northvale anti-slavery partnership: action plan 2016-17"],
            [],
            HEADINGS,
            ["Fund £3,250 – taxi training", a.police.name, dt.date(2017, 6, 30), "G"],
            ["Agree a referral route with the hospitals", a.council.name, "March 2017", "Blue"],
        ],
    )
    _import(login(a.coordinator), a, content, "plan.ods")
    hospitals, taxi = Action.objects.order_by("title")
    assert (taxi.title, taxi.owner_organisation, taxi.due_date) == (
        "Fund £3,250 – taxi training",
        a.police,
        dt.date(2017, 6, 30),
    )
    assert (hospitals.due_date, hospitals.status) == (dt.date(2017, 3, 31), "complete")


def test_ods_figures_go_in_with_the_pound_and_dash_of_their_comment_intact(a, login):
    q1 = m.periods(a)["q1"]
    m.referrals(a)
    client = login(a.coordinator)
    url = reverse("indicators:import_figures", kwargs={"slug": a.slug})
    content = ods.sheet(
        "Figures",
        [
            ["Measure", "Quarter", "Agency", "Count", "Notes"],
            ["REF-1", q1.label, a.police.name, 1250, "Cost £40 – est."],
        ],
    )
    page = client.post(url, {"file": SimpleUploadedFile("figures.ods", content)})
    assert "Every row is valid" in page.content.decode()
    client.post(url, {"confirm": "1", "token": page.context["token"]})
    figure = Figure.objects.get()
    assert (figure.value, figure.comment) == (1250, "Cost £40 – est.")


def test_libreoffices_million_empty_rows_and_thousand_empty_cells_at_the_end_are_not_content():
    content = ods.sheet("Plan", [HEADINGS, ["Brief taxi drivers", "Police", "31/03/2017", "G"]])
    assert ods.LIBREOFFICE_TAIL.encode() in zipfile.ZipFile(io.BytesIO(content)).read("content.xml")
    (plan,), peak = _peak_bytes(lambda: read_sheets(content, score=score_for(ACTIONS.fields)))
    assert plan.headers == HEADINGS
    assert plan.rows == [(2, ("Brief taxi drivers", "Police", "31/03/2017", "G"))]
    assert peak < 5 * 1024 * 1024


def test_an_ods_cell_or_row_repeated_on_purpose_is_read_as_often_as_it_says():
    content = ods.ods(
        [
            ods.table(
                "Plan",
                [
                    ods.row(HEADINGS),
                    ods.row(["Brief taxi drivers", "Police", "31/03/2017", "G"], repeat=2),
                    ods.row([]),
                    "<table:table-row>"
                    + ods.cell("Same")
                    + ods.cell(None, repeat=2)
                    + ods.cell("G", repeat=2)
                    + "</table:table-row>",
                ],
            )
        ]
    )
    (plan,) = read_sheets(content)
    assert plan.rows == [
        (2, ("Brief taxi drivers", "Police", "31/03/2017", "G")),
        (3, ("Brief taxi drivers", "Police", "31/03/2017", "G")),
        (5, ("Same", None, None, "G", "G")),
    ]


def test_a_2_kb_ods_repeating_a_1000_cell_row_90000_times_is_refused_without_filling_it_in():
    wide_row = '<table:table-row table:number-rows-repeated="90000">' + ods.cell(7, repeat=1000) + "</table:table-row>"
    bomb = ods.ods([ods.table("Sheet1", [wide_row])])
    assert len(bomb) < 2048
    message, peak = _refusal(bomb)
    assert message.startswith(f"The sheet has too many columns: the limit is {MAX_COLUMNS}.")
    assert peak < 5 * 1024 * 1024  # python-calamine filled the 90 million cells in: 13.7 GB


def test_an_ods_repeating_a_row_past_the_row_cap_is_refused_at_the_cap():
    content = ods.ods(
        [ods.table("Sheet1", [ods.row(HEADINGS), ods.row(["Brief taxi drivers"] * 4, repeat=MAX_ROWS + 1)])]
    )
    assert len(content) < 2048
    message, peak = _refusal(content)
    assert message.startswith("The sheet has too many rows: the limit is 100,000 rows in one file.")
    assert peak < 20 * 1024 * 1024  # the rows kept share one tuple: references, not copies


def test_an_ods_repeating_a_200_cell_row_is_refused_past_the_cell_cap():
    full = [f"column {n}" for n in range(1, MAX_COLUMNS + 1)]
    rows = MAX_CELLS // MAX_COLUMNS + 1  # and the header row above them
    content = ods.ods([ods.table("Sheet1", [ods.row(full, tail=0), ods.row(full, tail=0, repeat=rows)])])
    assert len(content) < 4096
    message, peak = _refusal(content)
    assert message.startswith("The file has too many cells: the limit is 1,500,000 filled cells in one file")
    assert peak < 20 * 1024 * 1024


def test_a_return_or_legacy_import_reading_the_first_sheet_is_refused_past_the_cell_cap_too():
    full = [f"column {n}" for n in range(1, MAX_COLUMNS + 1)]
    content = ods.ods(
        [ods.table("Sheet1", [ods.row(full, tail=0), ods.row(full, tail=0, repeat=MAX_CELLS // MAX_COLUMNS + 1)])]
    )
    with pytest.raises(ValidationError, match="too many cells"):
        read_table(content)


def _raw_cell(inner: str, *, repeat: int = 1) -> str:
    return f'<table:table-row><table:table-cell office:value-type="string">{inner}</table:table-cell></table:table-row>'


def test_an_ods_cell_unfolding_runs_of_spaces_past_a_cells_size_is_refused_small():
    """<text:s text:c="1000"/> is 23 bytes for 1,000 spaces: 40,000 of them would be 40 million."""
    bomb = ods.ods([ods.table("Sheet1", [_raw_cell("<text:p>" + '<text:s text:c="1000"/>' * 40_000 + "</text:p>")])])
    assert len(bomb) < 64 * 1024
    message, peak = _refusal(bomb)
    assert message == "This OpenDocument spreadsheet cannot be read: a cell holds more than 32,767 characters."
    assert peak < 20 * 1024 * 1024


def test_an_ods_unfolding_spaces_in_many_cells_is_refused_before_it_adds_up():
    cells = [_raw_cell("<text:p>" + '<text:s text:c="1000"/>' * 30 + "</text:p>") for _ in range(40)]
    content = ods.ods([ods.table("Sheet1", cells)])
    message, _ = _refusal(content)
    assert message == "This OpenDocument spreadsheet cannot be read: it writes out more spaces than any sheet holds."


def test_an_ods_cell_of_a_million_empty_paragraphs_is_refused():
    bomb = ods.ods([ods.table("Sheet1", [_raw_cell("<text:p/>" * 1_000_000)])])
    message, peak = _refusal(bomb)
    assert message == "This OpenDocument spreadsheet cannot be read: a cell holds more than 32,767 characters."
    assert peak < 20 * 1024 * 1024


def test_a_cell_of_ordinary_length_with_its_spaces_and_lines_reads_as_written():
    content = ods.ods(
        [ods.table("Sheet1", [_raw_cell('<text:p>Fund<text:s text:c="3"/>taxi</text:p><text:p>training</text:p>')])]
    )
    ((_name, rows),) = [(name, list(found)) for name, found in numbered_rows(content, max_columns=MAX_COLUMNS)]
    assert rows == [(1, ("Fund   taxi\ntraining",))]


def test_an_ods_that_declares_xml_entities_is_refused():
    laughs = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    content = ods.ods([ods.table("Plan", [ods.row(HEADINGS)])], prologue=laughs)
    message, _ = _refusal(content)
    assert message == "This OpenDocument spreadsheet cannot be read: it declares XML entities."


def test_an_xls_workbook_goes_in_from_every_sheet_with_its_dates_and_pound_and_dash_intact(a, login):
    # tests/fixtures/action_plan_2016-17.xls was written once with xlwt (Excel 97-2003 format):
    # sheet "Pursue" with a title row, a blank row, the headings and two actions (a date cell, a
    # "March 2017" text); sheet "Protect" with the headings in row 1 and one action.
    content = (FIXTURES / "action_plan_2016-17.xls").read_bytes()
    _import(login(a.coordinator), a, content, "action_plan_2016-17.xls")
    actions = {action.title: action for action in Action.objects.all()}
    assert set(actions) == {
        "Fund £3,250 – taxi training",
        "Agree a referral route with the hospitals",
        "Train hospital staff on the signs",
    }
    assert actions["Fund £3,250 – taxi training"].due_date == dt.date(2017, 6, 30)
    assert actions["Train hospital staff on the signs"].status == "amber"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.ods", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
        ("plan.xls", b"<html><body><table><tr><td>Action</td></tr></table></body></html>"),
        ("plan.xls", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200),
        ("plan.ods", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200),
    ],
)
def test_html_or_a_program_named_as_a_spreadsheet_is_refused(a, login, name, content):
    page = login(a.coordinator).post(_actions_url(a), {"file": SimpleUploadedFile(name, content)})
    assert "This is not a spreadsheet: upload an Excel workbook (.xlsx or .xls)" in page.content.decode()
    assert not Action.objects.exists()


def test_a_sheet_of_201_columns_is_refused_and_one_of_200_is_read():
    row = ",".join(f"c{n}" for n in range(1, MAX_COLUMNS + 2))
    message, _ = _refusal(f"{row}\n{row}\n".encode())
    assert message == "The sheet has too many columns: the limit is 200. Use the template's columns only."
    row = ",".join(f"c{n}" for n in range(1, MAX_COLUMNS + 1))
    (sheet,) = read_sheets(f"{row}\n{row}\n".encode())
    assert len(sheet.headers) == MAX_COLUMNS


def test_a_csv_of_100001_rows_is_refused_on_the_import_page_saying_the_limit(a, login):
    content = ("Action,Owner,Timescale\n" + "Brief taxi drivers,Police,31/03/2017\n" * (MAX_ROWS + 1)).encode()
    page = login(a.coordinator).post(_actions_url(a), {"file": SimpleUploadedFile("plan.csv", content)})
    assert "The sheet has too many rows: the limit is 100,000 rows in one file." in page.content.decode()
    assert not Action.objects.exists()


def test_an_xls_with_one_cell_far_out_is_read_without_padding_every_row_to_its_width():
    """Cells at A1:B2 and one at (65536, IV): xlrd padding each row would hold 16.7 million cells."""
    content = (Path(__file__).parent / "fixtures" / "far_cell.xls").read_bytes()
    tracemalloc.start()
    try:
        ((_name, rows),) = [
            (name, [r for r in found if r[1]])
            for name, found in xls_rows(content, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
        ]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [n for n, _ in rows] == [1, 2, 65536] and rows[1][1] == ("Brief taxi drivers", "Police")
    assert peak < 40 * 1024 * 1024
