"""A SPOC fills their return in from a spreadsheet on the one import page: the return's own template
goes in with no mapping, a partner's own layout is mapped on the page, every bad row is listed with
its reason, and nothing is written unless every row is valid. Only the organisation (and the
coordinator) may use it; another organisation's SPOC gets a 404. An upload left unconfirmed is swept."""

import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from aspm.imports import stored
from indicators.models import Unit
from reports.models import ReturnFigure

from .returns_cast import indicator, police_return, submitted

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


def _figures(return_) -> dict[str, ReturnFigure]:
    return {f.indicator.code: f for f in ReturnFigure.objects.filter(return_obj=return_).select_related("indicator")}


def _nothing_written(return_) -> bool:
    return not ReturnFigure.objects.filter(return_obj=return_, value__isnull=False).exists() and not any(
        f.text_value for f in _figures(return_).values()
    )


def _note(client, side, return_) -> dict:
    return client.session[f"import:{side.partnership.pk}:return:{return_.pk}"]


def test_the_template_lists_the_returns_indicators_with_their_split_columns(a, sheet_return, login):
    response = login(a.spoc_police).get(_url(a, sheet_return, "reports:return_spreadsheet_template"))
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("indicator_code", "indicator", "unit", "last_quarter", "value")
    assert "sex.unknown" in rows[0]
    assert [r[0] for r in rows[1:]] == ["IND-1", "IND-2"]


def test_the_returns_template_filled_in_goes_into_the_draft_with_no_mapping(a, sheet_return, login):
    client = login(a.spoc_police)
    book = load_workbook(io.BytesIO(client.get(_url(a, sheet_return, "reports:return_spreadsheet_template")).content))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    ind1, ind2 = sheet[2], sheet[3]
    ind1[headers.index("value")].value = 3
    ind1[headers.index("sex.female")].value = 2
    ind1[headers.index("sex.male")].value = 1
    ind1[headers.index("comment")].value = "From the custody log"
    ind2[headers.index("text_value")].value = "Survivors valued the interpreter"
    filled = io.BytesIO()
    book.save(filled)

    check = client.post(_url(a, sheet_return), {"file": SimpleUploadedFile("return.xlsx", filled.getvalue())})
    assert check.status_code == 200 and check.context["result"].ok and not check.context["missing"]
    assert check.context["state"].columns["indicator_code"] == "indicator_code"
    assert "Every row is valid" in check.content.decode() and _nothing_written(sheet_return)
    done = client.post(_url(a, sheet_return), {"confirm": "1", "token": check.context["token"]})
    assert done.status_code == 302 and done.url == _url(a, sheet_return, "reports:return_detail")
    told = [str(m) for m in client.get(done.url).context["messages"]]
    assert told == ["Imported 2 rows of the return's figures. They are in your draft: check them, then submit "
                    "the return from “Check your answers”."]  # fmt: skip
    figures = _figures(sheet_return)
    assert figures["IND-1"].value == 3 and figures["IND-1"].breakdown == {"sex": {"female": 2, "male": 1}}
    assert figures["IND-1"].comment == "From the custody log"
    assert figures["IND-2"].text_value == "Survivors valued the interpreter"


def test_a_blank_cell_for_a_figure_already_in_the_draft_says_it_will_be_cleared(a, sheet_return, login):
    client = login(a.spoc_police)
    first = client.post(_url(a, sheet_return), {"file": _csv("indicator_code,value\nIND-1,7\n")})
    client.post(_url(a, sheet_return), {"confirm": "1", "token": first.context["token"]})
    assert _figures(sheet_return)["IND-1"].value == 7
    preview = client.post(_url(a, sheet_return), {"file": _csv("indicator_code,value\nIND-1,\nIND-2,\n")})
    assert [r.verb for r in preview.context["result"].rows] == [
        "Clear the figure already in the draft",
        "Leave the figure blank",
    ]


def test_a_csv_with_the_templates_columns_is_previewed_then_put_in_the_draft(a, sheet_return, login):
    client = login(a.spoc_police)
    upload = _csv(
        "indicator_code,value,text_value,comment,sex.female,sex.male\n"
        "IND-1,3,,From the custody log,2,1\n"
        "IND-2,,Survivors valued the interpreter,,,\n"
    )
    preview = client.post(_url(a, sheet_return), {"file": upload})
    assert preview.status_code == 200 and "all 2 rows are valid" in preview.content.decode()
    assert [r.verb for r in preview.context["result"].rows] == [
        "Put 3 in the draft",
        "Put “Survivors valued the interpreter” in the draft",
    ]
    assert _nothing_written(sheet_return)
    done = client.post(_url(a, sheet_return), {"confirm": "1", "token": preview.context["token"]})
    assert done.status_code == 302
    assert _figures(sheet_return)["IND-1"].breakdown == {"sex": {"female": 2, "male": 1}}


def test_a_partners_own_column_names_are_mapped_on_the_page(a, sheet_return, login):
    client = login(a.spoc_police)
    upload = _csv("Our ref;Q1 total;Remarks\nVictims referred;4;Two via the helpline\nIND-2;Felt listened to;\n")
    check = client.post(_url(a, sheet_return), {"file": upload})
    assert [f.name for f in check.context["missing"]] == ["indicator_code"]
    mapped = client.post(
        _url(a, sheet_return),
        {
            "map": "1",
            "token": check.context["token"],
            "sheet": check.context["state"].chosen,
            "column-indicator_code": "Our ref",
            "column-value": "Q1 total",
            "column-comment": "Remarks",
        },
    )
    assert mapped.context["result"].ok, mapped.context["result"].bad_rows
    client.post(_url(a, sheet_return), {"confirm": "1", "token": check.context["token"]})
    figures = _figures(sheet_return)
    assert figures["IND-1"].value == 4 and figures["IND-1"].comment == "Two via the helpline"
    assert figures["IND-2"].text_value == "Felt listened to"  # a text indicator's answer in the one column


def test_every_bad_row_is_listed_with_its_reason_and_nothing_is_written(a, sheet_return, login):
    client = login(a.spoc_police)
    upload = _csv("indicator_code,value,sex.female\nIND-1,3,5\nIND-9,2,\nIND-1,4,\n")
    response = client.post(_url(a, sheet_return), {"file": upload})
    page = response.content.decode()
    assert "Nothing was imported" in page and "3 of 3 rows have problems" in page
    bad = {r.where: " ".join(r.errors) for r in response.context["result"].bad_rows}
    assert "adds up to 5, but the total is 3" in bad["Row 2"]
    assert "“IND-9” is not one of the indicators in this return" in bad["Row 3"]
    assert "also on row 2" in bad["Row 4"]
    assert _nothing_written(sheet_return)


def test_a_figure_for_an_indicator_not_in_the_return_is_refused_on_its_row_and_nothing_is_written(
    a, sheet_return, login
):
    indicator(a, "IND-7", name="Charity's own count", reporters=[a.charity])
    client = login(a.spoc_police)
    check = client.post(_url(a, sheet_return), {"file": _csv("indicator_code,value\nIND-1,3\nIND-7,5\n")})
    (bad,) = check.context["result"].bad_rows
    assert bad.where == "Row 3" and "not one of the indicators in this return" in bad.errors[0]
    done = client.post(_url(a, sheet_return), {"confirm": "1", "token": check.context["token"]})
    assert done.status_code == 200 and not done.context["result"].written
    assert _nothing_written(sheet_return)


def test_a_file_that_is_not_a_spreadsheet_is_refused(a, sheet_return, login):
    fake = SimpleUploadedFile("figures.xlsx", b"%PDF-1.7 not a sheet", content_type=XLSX)
    response = login(a.spoc_police).post(_url(a, sheet_return), {"file": fake})
    assert response.context["form"].errors["file"]
    assert not response.context["state"]


def test_an_abandoned_upload_is_swept_after_a_day_and_cannot_then_be_confirmed(a, sheet_return, login):
    client = login(a.spoc_police)
    check = client.post(_url(a, sheet_return), {"file": _csv("indicator_code,value\nIND-1,3\n")})
    path = _note(client, a, sheet_return)["path"]
    assert default_storage.exists(path)
    assert stored.sweep(now=default_storage.get_modified_time(path) + dt.timedelta(days=1, minutes=1)) >= 1
    assert not default_storage.exists(path)
    late = client.post(_url(a, sheet_return), {"confirm": "1", "token": check.context["token"]}, follow=True)
    assert "upload the file again" in late.content.decode()
    assert _nothing_written(sheet_return)


def test_a_submitted_return_is_not_filled_from_a_spreadsheet(a, login):
    return_ = submitted(a, police_return(a))
    response = login(a.spoc_police).post(_url(a, return_), {"file": _csv("indicator_code,value\nIND-1,3\n")})
    assert response.status_code == 302 and response.url == _url(a, return_, "reports:return_detail")


def test_another_organisations_spoc_cannot_see_or_use_the_returns_spreadsheet(a, b, sheet_return, login):
    client = login(a.spoc_charity)
    assert client.get(_url(a, sheet_return)).status_code == 404
    assert client.get(_url(a, sheet_return, "reports:return_spreadsheet_template")).status_code == 404
    assert client.post(_url(a, sheet_return), {"file": _csv("indicator_code,value\nIND-1,3\n")}).status_code == 404
    assert login(b.spoc_police).get(_url(a, sheet_return)).status_code == 404
    assert login(a.board).get(_url(a, sheet_return)).status_code == 403
    assert _nothing_written(sheet_return)


def test_the_coordinator_fills_an_organisations_return_from_a_spreadsheet(a, sheet_return, login):
    client = login(a.coordinator)
    check = client.post(_url(a, sheet_return), {"file": _csv("indicator_code,value\nIND-1,6\n")})
    client.post(_url(a, sheet_return), {"confirm": "1", "token": check.context["token"]})
    assert _figures(sheet_return)["IND-1"].value == 6
