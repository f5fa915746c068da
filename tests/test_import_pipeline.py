"""One import pipeline for a partnership's own spreadsheets (aspm/imports): the seed guide's table shapes,
Excel's CSVs, every sheet of a workbook, a page to say which column is which, and the upload kept out
of the session and cleaned up."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplans.models import Action
from aspm.imports import stored, values
from aspm.imports.models import ImportMapping
from aspm.imports.reading import read_sheets
from indicators.models import Figure, Indicator
from partnerships.models import AuditEvent

from . import measurement_helpers as m
from .seed_tables import DERBYSHIRE_HEADERS, derbyshire_plan, workbook

pytestmark = pytest.mark.django_db


def _actions_url(side) -> str:
    return reverse("actions:import", kwargs={"slug": side.slug})


def _upload(content: bytes, name="plan.xlsx"):
    return SimpleUploadedFile(name, content)


def test_the_derbyshire_plan_goes_in_from_its_own_layout_with_its_title_row_and_its_own_words(a, login):
    client = login(a.coordinator)
    page = client.post(_actions_url(a), {"file": _upload(workbook({"Plan": derbyshire_plan(a)}))})
    state = page.context["state"]
    assert state.sheets[0].header_line == 3
    assert state.columns == {
        "title": "Action 2016-17",
        "owner_organisation": "Owner",
        "due_date": "Timescale",
        "status": "RAG Status",
    }
    assert "Every row is valid: all 2 rows are valid" in page.content.decode()
    assert not Action.objects.exists()
    done = client.post(_actions_url(a), {"confirm": "1", "token": page.context["token"]})
    assert done.status_code == 302
    hospitals, taxi = Action.objects.order_by("title")
    assert (taxi.owner_organisation, taxi.due_date, taxi.status) == (a.police, dt.date(2017, 3, 31), "green")
    assert (hospitals.due_date, hospitals.status) == (dt.date(2017, 3, 31), "complete")


def test_every_sheet_of_a_sub_group_workbook_is_imported_and_messages_name_the_sheet(a, login):
    client = login(a.coordinator)
    sheets = {
        name: [DERBYSHIRE_HEADERS, [f"{name}: brief frontline staff", a.police.name, "30 June 2017", "A"]]
        for name in ("Pursue", "Protect", "Prevent")
    }
    sheets["Protect"].append(["Open a safe house", "Nobody Ltd", "2017-06-30", "R"])
    sheets["Notes"] = []
    page = client.post(_actions_url(a), {"file": _upload(workbook(sheets))})
    text = page.content.decode()
    assert page.context["state"].chosen == ["Pursue", "Protect", "Prevent"]
    assert "Not imported:</strong> Notes (no rows)" in text
    bad = page.context["result"].bad_rows
    assert [r.where for r in bad] == ["Protect, row 3"]
    assert "No organisation “Nobody Ltd”" in " ".join(bad[0].errors)
    add_organisation = reverse("partnerships:organisation_create", kwargs={"slug": a.slug})
    assert bad[0].fixes == [("Add an organisation", add_organisation)]
    assert f'href="{add_organisation}"' in text

    sheets["Protect"].pop()
    page = client.post(_actions_url(a), {"file": _upload(workbook(sheets))})
    client.post(_actions_url(a), {"confirm": "1", "token": page.context["token"]})
    assert sorted(Action.objects.values_list("title", flat=True)) == [
        "Prevent: brief frontline staff",
        "Protect: brief frontline staff",
        "Pursue: brief frontline staff",
    ]


def test_a_sheet_left_unticked_is_not_imported_and_the_page_says_so(a, login):
    client = login(a.coordinator)
    sheets = {n: [DERBYSHIRE_HEADERS, [f"{n} action", a.police.name, "30/06/2017", "G"]] for n in ("One", "Two")}
    page = client.post(_actions_url(a), {"file": _upload(workbook(sheets))})
    columns = {f"column-{k}": v for k, v in page.context["state"].columns.items()}
    page = client.post(_actions_url(a), {"map": "1", "token": page.context["token"], "sheet": ["Two"], **columns})
    assert "Not imported:</strong> One." in page.content.decode()
    client.post(_actions_url(a), {"confirm": "1", "token": page.context["token"]})
    assert list(Action.objects.values_list("title", flat=True)) == ["Two action"]


def test_a_windows_1252_csv_keeps_its_pound_sign_and_dash_in_the_action_import(a, login):
    client = login(a.coordinator)
    csv = f"Action;Owner;Timescale\nFund £3,250 – taxi training;{a.police.name};30/06/2017\n"
    page = client.post(_actions_url(a), {"file": _upload(csv.encode("cp1252"), "plan.csv")})
    assert "Every row is valid" in page.content.decode()
    client.post(_actions_url(a), {"confirm": "1", "token": page.context["token"]})
    assert Action.objects.get().title == "Fund £3,250 – taxi training"


def test_excel_csvs_import_figures_and_indicators_undamaged(a, login):
    q1 = m.periods(a)["q1"]
    m.referrals(a)
    client = login(a.coordinator)
    figures_url = reverse("indicators:import_figures", kwargs={"slug": a.slug})
    csv = f"indicator_code;period;organisation;value;comment\nREF-1;{q1.label};{a.police.name};1,250;Cost £40 – est.\n"
    page = client.post(figures_url, {"file": _upload(csv.encode("cp1252"), "figures.csv")})
    assert "Every row is valid" in page.content.decode()
    client.post(figures_url, {"confirm": "1", "token": page.context["token"]})
    figure = Figure.objects.get()
    assert (figure.value, figure.comment) == (1250, "Cost £40 – est.")

    indicators_url = reverse("indicators:import_indicators", kwargs={"slug": a.slug})
    csv = (
        "code,name,type,unit,direction,frequency,strand,library_code\n"
        "FUND-1,Grant spent – £,output,count,higher,quarterly,PURSUE,O1-01\n"
    )
    page = client.post(indicators_url, {"file": _upload(csv.encode("cp1252"), "indicators.csv")})
    assert "Every row is valid" in page.content.decode()
    client.post(indicators_url, {"confirm": "1", "token": page.context["token"]})
    indicator = Indicator.objects.get(code="FUND-1")
    assert indicator.name == "Grant spent – £"
    assert (indicator.strand.code, indicator.library_code) == ("pursue", "O1-01")


def test_an_unknown_library_entry_is_refused_with_an_example(a):
    from indicators.measurement.imports import run_rows

    row = {"code": "X-1", "name": "X", "type": "output", "unit": "count", "direction": "higher",
           "frequency": "quarterly", "library_code": "Z9-99"}  # fmt: skip
    result = run_rows(actor=a.coordinator, partnership=a.partnership, kind="indicators", rows=[(2, row)], dry_run=True)
    assert "“Z9-99” is not an indicator of the library (such as O1-01)" in result.bad_rows[0].errors[0]


def test_columns_are_chosen_on_the_page_and_remembered_for_the_next_file(a, login):
    client = login(a.coordinator)
    csv = f"Thing to do,Agency,By the end of\nTrain hotel staff,{a.police.name},30/09/2017\n".encode()
    page = client.post(_actions_url(a), {"file": _upload(csv, "plan.csv")})
    text = page.content.decode()
    assert "The file lacks these columns: due_date, title." in text
    assert 'href="#column-title"' in text
    page = client.post(
        _actions_url(a),
        {
            "map": "1",
            "token": page.context["token"],
            "sheet": "CSV",
            "column-title": "Thing to do",
            "column-owner_organisation": "Agency",
            "column-due_date": "By the end of",
        },  # fmt: skip
    )
    assert "Every row is valid" in page.content.decode()
    remembered = ImportMapping.objects.get(partnership=a.partnership, kind="actions")
    assert remembered.columns == {"title": "Thing to do", "owner_organisation": "Agency", "due_date": "By the end of"}
    assert AuditEvent.objects.filter(action="importmapping.create").count() == 1

    again = client.post(_actions_url(a), {"file": _upload(csv, "plan.csv")})
    assert "lacks these columns" not in again.content.decode()
    assert again.context["result"].ok


def test_the_upload_is_stored_as_a_file_not_in_the_session_and_removed_on_confirm_and_on_cancel(a, login):
    client = login(a.coordinator)
    content = workbook({"Plan": derbyshire_plan(a)})
    page = client.post(_actions_url(a), {"file": _upload(content)})
    note = client.session[f"import:{a.partnership.pk}:actions"]
    assert set(note) == {"token", "path", "sheets", "columns"}
    assert default_storage.exists(note["path"]) and len(str(dict(client.session))) < 1_000
    client.post(_actions_url(a), {"cancel": "1", "token": page.context["token"]})
    assert not default_storage.exists(note["path"])
    assert f"import:{a.partnership.pk}:actions" not in client.session

    page = client.post(_actions_url(a), {"file": _upload(content)})
    path = client.session[f"import:{a.partnership.pk}:actions"]["path"]
    client.post(_actions_url(a), {"confirm": "1", "token": page.context["token"]})
    assert not default_storage.exists(path)


def test_an_upload_abandoned_for_a_day_is_swept_away(a):
    _, path = stored.save(a.partnership, b"abandoned")
    assert stored.sweep() == 0 and default_storage.exists(path)
    assert stored.sweep(now=default_storage.get_modified_time(path) + dt.timedelta(days=1, minutes=1)) == 1
    assert not default_storage.exists(path)


def test_a_confirmation_with_another_token_writes_nothing(a, login):
    client = login(a.coordinator)
    client.post(_actions_url(a), {"file": _upload(workbook({"Plan": derbyshire_plan(a)}))})
    response = client.post(_actions_url(a), {"confirm": "1", "token": "guessed"})
    assert response.status_code == 302 and not Action.objects.exists()


def test_csv_encodings_and_delimiters_are_read_undamaged():
    text = "Title row\n\nName;Amount\nSafe house – rent;£3,250.00\n"
    for content in (text.encode("cp1252"), text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        (sheet,) = read_sheets(content)
        assert sheet.header_line == 3
        assert sheet.headers == ["Name", "Amount"]
        assert sheet.rows == [(4, ("Safe house – rent", "£3,250.00"))]


def test_values_are_read_as_people_write_them_and_errors_say_which_forms_are_accepted():
    assert [values.yes_no(v) for v in ("Yes", "no", "Y", "1", "", True)] == ["1", "0", "1", "1", "", "1"]
    assert [values.number(v) for v in ("£3,250.00", "80%", "1,250", 7, "")] == ["3250.00", "80", "1250", "7", ""]
    june = dt.date(2016, 6, 30)
    assert {values.date(v) for v in ("30/06/2016", "30 June 2016", "2016-06-30", "30th June 2016", "June 2016")} == {
        june
    }
    with pytest.raises(ValueError, match="write 30/06/2016, 30 June 2016"):
        values.date("soon")
    with pytest.raises(ValueError, match="write yes or no"):
        values.yes_no("perhaps")
    with pytest.raises(ValueError, match="£3,250.00 or 80%"):
        values.number("lots")


def test_the_indicator_page_says_what_an_indicator_is_split_by(a, login):
    indicator = m.referrals(a)  # split by age group and sex
    page = login(a.coordinator).get(reverse("indicators:detail", kwargs={"slug": a.slug, "pk": indicator.pk}))
    assert page.context["split_labels"] == ["Age group", "Sex"]
    assert "Not split" not in page.content.decode()
