"""Spreadsheet import and export: dry run first, every bad row listed, nothing written unless all valid."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from indicators.measurement import imports
from indicators.models import Figure, Indicator, Target
from partnerships.models import AuditEvent

from . import measurement_helpers as m

pytestmark = pytest.mark.django_db

HEAD = ["indicator_code", "period", "organisation", "value", "comment", "sex.female", "sex.male"]


def _xlsx(rows, headers=HEAD) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(content: bytes, name="figures.xlsx"):
    return SimpleUploadedFile(name, content)


def _url(side, kind="figures"):
    return reverse(f"indicators:import_{kind}", kwargs={"slug": side.slug})


def test_a_valid_sheet_is_previewed_then_imported_on_confirmation(a, login):
    q1 = m.periods(a)["q1"]
    m.referrals(a)
    client = login(a.coordinator)
    content = _xlsx(
        [["REF-1", q1.label, a.police.name, 3, "", 2, 1], ["REF-1", q1.label, a.charity.name, 4, "", "", ""]]
    )
    page = client.post(_url(a), {"file": _upload(content)})
    assert "Every row is valid: all 2 rows are valid" in page.content.decode()
    assert not Figure.objects.exists()
    token = page.context["token"]
    response = client.post(_url(a), {"confirm": "1", "token": token})
    assert response.status_code == 302
    assert sorted(Figure.objects.values_list("value", flat=True)) == [3, 4]
    assert Figure.objects.get(organisation=a.police).breakdown == {"sex": {"female": 2, "male": 1}}
    assert AuditEvent.objects.filter(action="figure.bulk_record").count() == 1


def test_one_bad_row_writes_nothing_and_every_bad_row_is_listed_with_its_reason(a, login):
    p = m.periods(a)
    m.referrals(a)
    rows = [
        ["REF-1", p["q1"].label, a.police.name, 3, "", "", ""],  # fine
        ["NOPE-9", p["q1"].label, a.police.name, 3, "", "", ""],  # unknown indicator
        ["REF-1", p["q1"].label, a.police.name.upper(), "lots", "", "", ""],  # text in a number (and a duplicate)
        ["REF-1", p["q2"].label, a.charity.name, 1, "", "", ""],  # period not open
        ["REF-1", p["q1"].label, a.council.name, 1, "", "", ""],  # organisation does not report it
        ["REF-1", p["q1"].label, a.charity.name, 5, "", 1, 1],  # split does not add up
        ["REF-1", p["q1"].label, "Nobody Ltd", -1, "", "", ""],  # unknown organisation
    ]
    page = login(a.coordinator).post(_url(a), {"file": _upload(_xlsx(rows))})
    result = page.context["result"]
    assert [r.where for r in result.bad_rows] == ["Row 3", "Row 4", "Row 5", "Row 6", "Row 7", "Row 8"]
    text = page.content.decode()
    for expected in (
        "Unknown indicator code “NOPE-9”",
        "is not a number",
        "is not open",
        "does not report",
        "Sex adds up to 2, but the total is 5",
        "Unknown organisation “Nobody Ltd”",
    ):
        assert expected in text
    assert "Nothing was imported" in text
    assert not Figure.objects.exists()


def test_a_confirmation_that_has_become_invalid_writes_nothing(a, login):
    from indicators.measurement import services

    q1 = m.periods(a)["q1"]
    m.referrals(a)
    client = login(a.coordinator)
    page = client.post(_url(a), {"file": _upload(_xlsx([["REF-1", q1.label, a.police.name, 3, "", "", ""]]))})
    services.period_lock(actor=a.coordinator, period=q1)  # locked between the preview and the confirmation
    client.post(_url(a), {"confirm": "1", "token": page.context["token"]})
    assert not Figure.objects.exists()


def test_a_file_that_is_not_a_spreadsheet_is_refused(a, login):
    page = login(a.coordinator).post(_url(a), {"file": _upload(b"%PDF-1.4 not a sheet", "figures.xlsx")})
    assert "This is not a spreadsheet" in page.content.decode()


def test_a_50_mb_file_is_refused_before_it_is_read(a, login):
    big = SimpleUploadedFile("figures.csv", b"a,b,c\n" * (50 * 1024 * 1024 // 6 + 1))
    page = login(a.coordinator).post(_url(a), {"file": big})
    assert "the limit is" in page.content.decode()
    assert not Figure.objects.exists()


def test_a_sheet_without_the_needed_columns_says_which_are_missing(a, login):
    page = login(a.coordinator).post(_url(a), {"file": _upload(b"code,amount\nX,1\n", "f.csv")})
    # "code" and "amount" are taken for the indicator's code and the value; the page names the rest
    assert "lacks these columns: organisation, period." in page.content.decode()


def test_indicators_and_targets_import_through_the_services_all_or_nothing(a):
    m.periods(a)
    good = _xlsx(
        [["IND-9", "Businesses trained", "", "output", "count", "higher", "quarterly", "partnership"]],
        headers=["code", "name", "definition", "type", "unit", "direction", "frequency", "strand"],
    )
    result = imports.run_import(
        actor=a.coordinator, partnership=a.partnership, kind="indicators", content=good, dry_run=False
    )
    assert result.bad_rows[0].errors == [  # the 4Ps only: no such strand
        "Unknown strand “partnership” (this partnership's strands: prepare, prevent, protect, pursue)."
    ]
    csv = (
        b"code,name,type,unit,direction,frequency\n"
        b"IND-9,Trained,output,count,higher,quarterly\nIND-10,X,bad,count,higher,quarterly\n"
    )
    result = imports.run_import(
        actor=a.coordinator, partnership=a.partnership, kind="indicators", content=csv, dry_run=False
    )
    assert [r.number for r in result.bad_rows] == [3]
    assert not Indicator.objects.filter(code__in=["IND-9", "IND-10"]).exists()
    targets = f"indicator_code,period,value,reason\nREF-1,whole plan,40,\nREF-1,{m.periods(a)['q1'].label},110x,\n"
    m.referrals(a)
    result = imports.run_import(
        actor=a.coordinator, partnership=a.partnership, kind="targets", content=targets.encode(), dry_run=False
    )
    assert [r.number for r in result.bad_rows] == [3]
    assert not Target.objects.exists()


def test_exported_cells_that_look_like_formulas_are_neutralised(a, login):
    figure = m.figure(a)
    from indicators.measurement import services

    services.figure_record(
        actor=a.coordinator,
        indicator=figure.indicator,
        period=figure.period,
        organisation=a.police,
        value="4",
        comment='=HYPERLINK("http://evil")',
    )
    client = login(a.viewer)
    response = client.get(reverse("indicators:export_figures", kwargs={"slug": a.slug}) + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    column = [c.value for c in sheet[1]].index("comment")
    comments = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert comments == ['\'=HYPERLINK("http://evil")']
    csv = client.get(reverse("indicators:export_figures", kwargs={"slug": a.slug}) + "?format=csv").content.decode()
    assert "'=HYPERLINK" in csv


def test_each_import_has_a_template_with_its_columns(a, login):
    client = login(a.viewer)
    for kind, column in (("indicators", "code"), ("targets", "indicator_code"), ("figures", "sex.female")):
        response = client.get(reverse(f"indicators:template_{kind}", kwargs={"slug": a.slug}) + "?format=csv")
        assert column in response.content.decode().splitlines()[0]


def test_importing_again_replaces_existing_figures_with_their_split(a):
    figure = m.figure(a)
    content = _xlsx([["REF-1", figure.period.label, a.police.name, 6, "revised", 4, 2]])
    result = imports.run_import(
        actor=a.coordinator, partnership=a.partnership, kind="figures", content=content, dry_run=False
    )
    assert result.written == {"created": 0, "updated": 1}
    figure.refresh_from_db()
    assert (figure.value, figure.comment, figure.breakdown) == (6, "revised", {"sex": {"female": 4, "male": 2}})
    assert figure.source == "import"
