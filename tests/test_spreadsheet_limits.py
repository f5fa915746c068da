"""Every spreadsheet import reads row by row and stops past a row and column cap, whatever the file declares."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from actionplans.imports import ACTIONS
from aspm.imports.mapping import score_for
from aspm.imports.reading import read_sheets
from aspm.spreadsheets import MAX_ROWS, read_table
from indicators.measurement import imports
from indicators.models import Figure
from reports.returns.imports import return_kind

pytestmark = pytest.mark.django_db

HEADERS = ["indicator_code", "period", "organisation", "value"]
TOO_MANY_ROWS = "The sheet has too many rows: the limit is 100,000 rows in one file."


def _long_xlsx(rows: int, *, declared_rows: int | None = None) -> bytes:
    """A small workbook with ``rows`` identical rows (they compress to almost nothing, as an attacker's do).

    ``declared_rows`` is what the sheet's dimension claims; openpyxl's read-only mode believes it.
    """
    book = Workbook()
    book.active.append(HEADERS)
    book.active.append(["X", "2026/27 Q1", "Police", 1])
    template = io.BytesIO()
    book.save(template)
    source, out = zipfile.ZipFile(template), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                head, rest = data.split(b"<sheetData>")
                declared = (declared_rows if declared_rows is not None else rows) + 1
                head = head.replace(b'<dimension ref="A1:D2" />', b'<dimension ref="A1:D%d" />' % declared)
                header = b"".join(b'<c t="inlineStr"><is><t>%s</t></is></c>' % h.encode() for h in HEADERS)
                body = b"<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c></row>" * rows
                data = head + b"<sheetData><row>" + header + b"</row>" + body + b"</sheetData>"
                data += rest.split(b"</sheetData>")[1]
            target.writestr(info.filename, data)
    return out.getvalue()


def _peak_bytes(call) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_figures_sheet_of_400000_rows_is_refused_as_too_many_rows_and_never_loaded_whole(a, login):
    content = _long_xlsx(400_000)
    assert len(content) < 1024 * 1024  # well under the upload size cap: the cap on bytes does not help
    result, peak = _peak_bytes(
        lambda: imports.run_import(
            actor=a.coordinator, partnership=a.partnership, kind="figures", content=content, dry_run=True
        )
    )
    assert result.file_errors and result.file_errors[0].startswith(TOO_MANY_ROWS)
    # Reading 200,000 rows whole held 55 MB at its peak; these 400,000 would hold twice that. Reading
    # stops at the cap (100,000 rows kept, about 25 MB). A memory bound, not a time one.
    assert peak < 40 * 1024 * 1024


def test_the_figures_import_page_says_the_sheet_has_too_many_rows(a, login):
    page = login(a.coordinator).post(
        reverse("indicators:import_figures", kwargs={"slug": a.slug}),
        {"file": SimpleUploadedFile("figures.xlsx", _long_xlsx(MAX_ROWS + 1))},
    )
    assert TOO_MANY_ROWS in page.content.decode()
    assert not Figure.objects.exists()


def test_a_return_spreadsheet_of_400000_rows_is_refused_as_too_many_rows_and_never_loaded_whole(a):
    from django.core.exceptions import ValidationError

    from .returns_cast import police_return

    fields = return_kind(police_return(a)).fields
    content = _long_xlsx(400_000)

    def load():
        with pytest.raises(ValidationError) as caught:
            read_sheets(content, score=score_for(fields))
        return caught.value

    error, peak = _peak_bytes(load)
    assert error.messages[0].startswith(TOO_MANY_ROWS)
    assert peak < 40 * 1024 * 1024


def load_action_sheet(kind, content):
    return read_sheets(content, score=score_for(ACTIONS.fields))


def test_an_action_plan_sheet_of_400000_rows_is_refused_as_too_many_rows_and_never_loaded_whole():
    from django.core.exceptions import ValidationError

    content = _long_xlsx(400_000)

    def load():
        with pytest.raises(ValidationError) as caught:
            load_action_sheet("xlsx", content)
        return caught.value

    error, peak = _peak_bytes(load)
    assert error.messages[0].startswith(TOO_MANY_ROWS)
    assert peak < 40 * 1024 * 1024


def test_a_sheet_that_declares_two_rows_but_holds_20000_is_counted_not_believed():
    # openpyxl's read-only mode trusts the declared dimension: it read two rows of this sheet and
    # silently dropped the rest. The rows are counted as they are read now.
    with pytest.raises(Exception, match="too many rows"):
        read_table(_long_xlsx(20_000, declared_rows=1), "xlsx", max_rows=10_000)
    table = read_table(_long_xlsx(3, declared_rows=1), "xlsx")
    assert [number for number, _ in table.rows] == [2, 3, 4]


def test_a_sheet_of_exactly_the_row_cap_is_read_whole():
    table = read_table(_long_xlsx(1000), "xlsx", max_rows=1000)
    assert len(table.rows) == 1000
    assert table.headers == HEADERS
    assert table.rows[0] == (2, (1, 2, 3, 4))


def test_a_csv_with_too_many_rows_is_refused_too():
    content = ("indicator_code,period,organisation,value\n" + "X,Q1,Police,1\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(Exception, match="too many rows"):
        read_table(content, "csv")


def test_a_sheet_with_too_many_columns_is_refused():
    book = Workbook()
    book.active.append([f"column {n}" for n in range(1, 202)])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(Exception, match="too many columns"):
        read_table(out.getvalue(), "xlsx")
