"""A SPOC fills their return in by uploading the return's own spreadsheet template: previewed,
every bad row listed, nothing saved unless every row is valid. Only the organisation (and the
coordinator) may use it; another organisation's SPOC gets a 404."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from indicators.models import Unit
from reports.models import ReturnFigure

from .returns_cast import indicator, police_return

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def sheet_return(a):
    indicator(a, "IND-1", reporters=[a.police], disaggregation=["sex"], name="Victims referred")
    indicator(a, "IND-2", unit=Unit.TEXT, reporters=[a.police], name="What survivors told us")
    return police_return(a)


def _url(side, return_, name="reports:return_spreadsheet"):
    return reverse(name, kwargs={"slug": side.partnership.slug, "pk": return_.pk})


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("figures.csv", text.encode(), content_type="text/csv")


def test_the_template_lists_the_returns_indicators_with_their_split_columns(a, sheet_return, login):
    response = login(a.spoc_police).get(_url(a, sheet_return, "reports:return_spreadsheet_template"))
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("indicator_code", "indicator", "unit", "last_quarter", "value")
    assert "sex.unknown" in rows[0]
    assert [r[0] for r in rows[1:]] == ["IND-1", "IND-2"]


def test_a_valid_sheet_is_previewed_then_put_in_the_draft(a, sheet_return, login):
    client = login(a.spoc_police)
    upload = _csv(
        "indicator_code,value,text_value,comment,sex.female,sex.male\n"
        "IND-1,3,,From the custody log,2,1\n"
        "IND-2,,Survivors valued the interpreter,,,\n"
    )
    preview = client.post(_url(a, sheet_return), {"file": upload})
    assert preview.status_code == 200 and "All 2 rows are valid" in preview.content.decode()
    assert not ReturnFigure.objects.filter(return_obj=sheet_return, value__isnull=False).exists()
    token = preview.context["token"]
    done = client.post(_url(a, sheet_return), {"confirm": "1", "token": token})
    assert done.status_code == 302
    figures = {f.indicator.code: f for f in ReturnFigure.objects.filter(return_obj=sheet_return)}
    assert figures["IND-1"].value == 3 and figures["IND-1"].breakdown == {"sex": {"female": 2, "male": 1}}
    assert figures["IND-1"].comment == "From the custody log"
    assert figures["IND-2"].text_value == "Survivors valued the interpreter"


def test_every_bad_row_is_listed_and_nothing_is_saved(a, sheet_return, login):
    client = login(a.spoc_police)
    upload = _csv("indicator_code,value,sex.female\nIND-1,3,5\nIND-9,2,\nIND-1,4,\n")
    response = client.post(_url(a, sheet_return), {"file": upload})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Nothing was saved" in page and "3 of 3 rows have problems" in page
    bad = {r.number: r.errors for r in response.context["upload"].bad_rows}
    assert "adds up to 5, but the total is 3" in " ".join(bad[2])
    assert "not one of the indicators in this return" in " ".join(bad[3])
    assert "appears twice" in " ".join(bad[4])
    assert not ReturnFigure.objects.filter(return_obj=sheet_return, value__isnull=False).exists()


def test_a_file_that_is_not_a_spreadsheet_is_refused(a, sheet_return, login):
    fake = SimpleUploadedFile("figures.xlsx", b"%PDF-1.7 not a sheet", content_type=XLSX)
    response = login(a.spoc_police).post(_url(a, sheet_return), {"file": fake})
    assert response.status_code == 422
    assert response.context["form"].errors["file"]


def test_another_organisations_spoc_cannot_see_or_use_the_returns_spreadsheet(a, b, sheet_return, login):
    client = login(a.spoc_charity)
    assert client.get(_url(a, sheet_return)).status_code == 404
    assert client.get(_url(a, sheet_return, "reports:return_spreadsheet_template")).status_code == 404
    assert client.post(_url(a, sheet_return), {"file": _csv("indicator_code,value\nIND-1,3\n")}).status_code == 404
    assert login(b.spoc_police).get(_url(a, sheet_return)).status_code == 404
    assert login(a.board).get(_url(a, sheet_return)).status_code == 403
