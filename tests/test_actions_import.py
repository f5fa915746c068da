"""Importing the action plan: a dry run first, every bad row listed, nothing written unless all rows are valid."""

import io

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplans.models import Action
from actionplans.resources import HEADERS, import_actions

from .action_helpers import make_action

pytestmark = pytest.mark.django_db


def _dataset(rows):
    data = tablib.Dataset(headers=HEADERS)
    for row in rows:
        data.append([row.get(h, "") for h in HEADERS])
    return data


def _row(side, **extra):
    return {"title": "Train bus drivers", "owner_organisation": side.police.name, "start_date": "2026-05-01",
            "due_date": "31/10/2026", "priority": "high", **extra}  # fmt: skip


def test_every_bad_row_is_listed_and_nothing_is_written(a, b):
    data = _dataset(
        [
            _row(a),
            _row(a, title="Backwards", start_date="2026-09-01", due_date="2026-08-01"),
            _row(a, title="Stranger", owner_organisation=b.police.name),
            _row(a, title="Purple", status="purple"),
            _row(a, title="Silent red", status="red", note=""),
            _row(a, title="No date", due_date="soon"),
        ]
    )
    result = import_actions(actor=a.coordinator, partnership=a.partnership, dataset=data, dry_run=False)
    assert not result.written
    bad = {r["title"]: " ".join(r["errors"]) for r in result.errors}
    assert set(bad) == {"Backwards", "Stranger", "Purple", "Silent red", "No date"}
    assert "before the start date" in bad["Backwards"]
    assert "No organisation" in bad["Stranger"]
    assert "not a status" in bad["Purple"]
    assert "note is needed" in bad["Silent red"]
    assert "is not a date" in bad["No date"]
    assert not Action.objects.exists()


def test_a_dry_run_writes_nothing_and_a_real_run_writes_through_the_services(a):
    existing = make_action(a, title="Existing action")
    data = _dataset([_row(a), _row(a, id=existing.pk, title="Existing action", status="amber", note="Slipping")])
    dry = import_actions(actor=a.coordinator, partnership=a.partnership, dataset=data, dry_run=True)
    assert [r["verb"] for r in dry.rows] == ["add", "update"] and not dry.errors
    assert Action.objects.count() == 1
    real = import_actions(actor=a.coordinator, partnership=a.partnership, dataset=data, dry_run=False)
    assert real.written
    assert Action.objects.count() == 2
    existing.refresh_from_db()
    assert existing.status == "amber"
    assert existing.history.last().note == "Slipping"


def test_an_id_of_another_partnership_is_refused(a, b):
    theirs = make_action(b, title="Theirs")
    data = _dataset([_row(a, id=theirs.pk, title="Hijack")])
    result = import_actions(actor=a.coordinator, partnership=a.partnership, dataset=data, dry_run=False)
    assert "No action with id" in result.errors[0]["errors"][0]
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"


def test_the_import_page_checks_first_then_imports_on_confirmation(a, login):
    client = login(a.coordinator)
    url = reverse("actions:import", kwargs={"slug": a.slug})
    csv = _dataset([_row(a)]).export("csv").encode()
    checked = client.post(url, {"file": SimpleUploadedFile("plan.csv", csv, content_type="text/csv")})
    assert "Every row is valid" in checked.content.decode()
    assert not Action.objects.exists()
    done = client.post(url, {"confirm": "1", "token": checked.context["token"]})
    assert done.status_code == 302
    assert Action.objects.get().title == "Train bus drivers"


def test_the_import_page_lists_bad_rows(a, login):
    csv = _dataset([_row(a, title="Backwards", start_date="2026-09-01", due_date="2026-08-01")]).export("csv")
    upload = SimpleUploadedFile("plan.csv", csv.encode(), content_type="text/csv")
    page = login(a.coordinator).post(reverse("actions:import", kwargs={"slug": a.slug}), {"file": upload})
    text = page.content.decode()
    assert "Nothing was imported.</strong> 1 of 1 rows have problems" in text
    assert "before the start date" in text


def test_a_file_that_is_not_a_spreadsheet_is_refused(a, login):
    upload = SimpleUploadedFile("plan.xlsx", io.BytesIO(b"%PDF-1.4 not a sheet").read())
    page = login(a.coordinator).post(reverse("actions:import", kwargs={"slug": a.slug}), {"file": upload})
    assert page.status_code == 200
    assert "invalid-feedback" in page.content.decode() or "is-invalid" in page.content.decode()
    assert not Action.objects.exists()


def test_the_exported_workbook_imports_back_unchanged(a, login):
    make_action(a, title="Round trip")
    body = login(a.viewer).get(reverse("actions:export", kwargs={"slug": a.slug}), {"format": "xlsx"}).content
    data = tablib.Dataset().load(body, format="xlsx")
    result = import_actions(actor=a.coordinator, partnership=a.partnership, dataset=data, dry_run=False)
    assert result.written, result.errors
    assert Action.objects.count() == 1
