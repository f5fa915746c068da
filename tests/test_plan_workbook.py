"""The plan as one workbook: downloaded by anyone who reads the plan, imported by the coordinator through the
one import pipeline, all or nothing; links between rows go by Ref, so the plan survives the round trip."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from indicators.models import Assumption, ChainLevel, Objective, PlanStatement, ResultsChainEntry, Risk, Strand
from indicators.strategy import services
from partnerships.models import AuditEvent, Sector
from partnerships.services import organisation_create

from . import strategy_world as sw
from .seed_tables import HAMPSHIRE, workbook

pytestmark = pytest.mark.django_db


def _full_plan(side):
    """A plan with every part: vision, a strand of its own, objectives, a linked chain, assumptions, risks."""
    actor, partnership = side.coordinator, side.partnership
    services.plan_statement_update(
        actor=actor, partnership=partnership, vision="A county where nobody is owned by another.",
        mission="Partners find, free and support people held in forced labour.",
        theory_of_change="If frontline staff spot the signs, more victims are referred and supported.",
    )  # fmt: skip
    services.strand_create(actor=actor, partnership=partnership, name="Awareness raising", description="Tell people.")
    group = sw.subgroup(side, name="Pursue and Prevent")
    first = sw.objective(side, code="OBJ1", pathway_stages=["discovery", "recovery"], priority="high")
    services.objective_set_specific(actor=actor, objective=first, confirmed=True)
    second = sw.objective(
        side, code="OBJ2", title="Raise awareness among hauliers", strand=sw.strand(side, "awareness-raising"),
        owner_organisation=None, owner_subgroup=group, description="Drivers see the signs first.",
    )  # fmt: skip
    entries = sw.chain(side, first)
    services.chain_entry_update(
        actor=actor, entry=entries[2], description=entries[2].description, leads_to=entries[3],
        link_assumption="Visits find people who are being exploited.",
    )  # fmt: skip
    services.chain_entry_create(actor=actor, objective=second, level=ChainLevel.ACTIVITY, description="Leaflets")
    sw.assumption(side)
    held = services.assumption_create(actor=actor, partnership=partnership, statement="Drivers will call the line.")
    services.assumption_review(
        actor=actor, assumption=held, status="holding", note="Calls rose after the leaflets.", on=dt.date(2026, 6, 30)
    )
    sw.risk(side, cause="Grant not renewed", mitigation="Find a second funder", review_date=dt.date(2026, 9, 1))
    services.risk_create(
        actor=actor, partnership=partnership, title="Drivers do not trust the police", likelihood=2, impact=4,
        objectives=[first, second],
    )  # fmt: skip


def _same_names(here, there):
    """``there`` gets organisations and a sub-group named as ``here``'s, as a partnership adopting a template would."""
    for org in (here.police, here.council):
        organisation_create(actor=None, partnership=there.partnership, name=org.name, sector=Sector.OTHER)
    sw.subgroup(there, name="Pursue and Prevent")


def _cells(content: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(content))
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def _export(client, side) -> bytes:
    response = client.get(reverse("strategy:plan_xlsx", kwargs={"slug": side.slug}))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{side.slug}-plan.xlsx"'
    return response.content


def _check(client, side, content: bytes, url_name="strategy:plan_import"):
    url = reverse(url_name, kwargs={"slug": side.slug})
    return client.post(url, {"file": SimpleUploadedFile("plan.xlsx", content)})


def _confirm(client, side, page, url_name="strategy:plan_import"):
    url = reverse(url_name, kwargs={"slug": side.slug})
    return client.post(url, {"confirm": "1", "token": page.context["token"]})


def _nothing_in_the_plan(side):
    for model in (Objective, ResultsChainEntry, Assumption, Risk, PlanStatement):
        assert not model.objects.filter(partnership=side.partnership).exists(), model.__name__
    assert not Strand.objects.filter(partnership=side.partnership, code="awareness-raising").exists()


def test_a_plan_exported_and_imported_into_an_empty_partnership_exports_the_same_workbook_cell_by_cell(a, b, login):
    _full_plan(a)
    _same_names(a, b)
    first = _export(login(a.coordinator), a)
    sheets = _cells(first)
    assert list(sheets) == ["Vision", "Strands", "Objectives", "Results chain", "Assumptions", "Risks", "LogFrame"]
    assert ("E4", "OBJ1", "Outcome", "More offenders convicted", "E5", None) in sheets["Results chain"]

    client = login(b.coordinator)
    page = _check(client, b, first)
    assert "Every row is valid" in page.content.decode(), page.context["result"].bad_rows
    assert not Objective.objects.filter(partnership=b.partnership).exists()
    assert _confirm(client, b, page).status_code == 302

    again = _export(client, b)
    assert _cells(again) == sheets
    assert AuditEvent.objects.filter(partnership=b.partnership, action="plan.import", actor=b.coordinator).exists()
    assert AuditEvent.objects.filter(partnership=b.partnership, action="objective.create").count() == 2


def test_anyone_who_reads_the_plan_can_download_it_and_only_the_coordinator_sees_the_import_button(a, login):
    _full_plan(a)
    for role in ("board", "viewer", "spoc_police"):
        client = login(a.user(role))
        page = client.get(reverse("strategy:plan", kwargs={"slug": a.slug})).content.decode()
        assert "Download the plan (.xlsx)" in page and "Import a plan" not in page
        assert "A county where nobody is owned" in str(_cells(_export(client, a))["Vision"])
    page = login(a.coordinator).get(reverse("strategy:plan", kwargs={"slug": a.slug})).content.decode()
    assert "Import a plan" in page


def _broken(a, change) -> bytes:
    _full_plan(a)
    from indicators.strategy.plan_workbook import plan_xlsx

    cells = {name: [list(r) for r in rows] for name, rows in _cells(plan_xlsx(a.partnership)).items()}
    change(cells)
    return workbook(cells)


def _bad_link(cells):
    cells["Results chain"][1][4] = "E99"


def _no_level_column(cells):
    cells["Results chain"] = [row[:2] + row[3:] for row in cells["Results chain"]]


def _unknown_level(cells):
    cells["Results chain"][2][2] = "Goal"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_bad_link, "Links to: no entry on the Results chain sheet has the ref “E99”."),
        (_no_level_column, "The Results chain sheet has no “Level” column"),
        (_unknown_level, "The level “Goal” does not exist: write Input, Activity, Output, Outcome or Impact."),
    ],
)
def test_a_broken_workbook_is_refused_with_its_reason_and_nothing_is_written(a, b, login, change, message):
    content = _broken(a, change)
    _same_names(a, b)
    client = login(b.coordinator)
    page = _check(client, b, content)
    text = page.content.decode()
    assert message in text
    assert "Every row is valid" not in text
    done = _confirm(client, b, page)
    assert done.status_code == 200 and message in done.content.decode()
    _nothing_in_the_plan(b)


def test_a_bad_row_is_named_by_its_sheet_and_row(a, b, login):
    _same_names(a, b)
    page = _check(login(b.coordinator), b, _broken(a, _unknown_level))
    (bad,) = page.context["result"].bad_rows
    assert bad.where == "Results chain, row 3"


def test_a_plan_workbook_is_refused_by_a_partnership_that_already_has_a_plan_saying_what_it_holds(a, b, login):
    _same_names(a, b)
    content = _broken(a, lambda cells: None)
    sw.risk(b)
    client = login(b.coordinator)
    before = client.get(reverse("strategy:plan_import", kwargs={"slug": b.slug})).content.decode()
    assert "already has a plan (1 risk). A plan workbook goes only into a partnership with no plan yet" in before
    page = _check(client, b, content)
    text = page.content.decode()
    assert "This partnership already has a plan (1 risk)" in text
    assert "nothing was imported" in text
    assert not Objective.objects.filter(partnership=b.partnership).exists()


def test_a_sheet_that_is_not_part_of_a_plan_is_named_and_nothing_is_written(a, b, login):
    _same_names(a, b)
    content = _broken(a, lambda cells: cells.update({"Budget": [["Line", "Amount"], ["Leaflets", 300]]}))
    page = _check(login(b.coordinator), b, content)
    assert "The sheet “Budget” is not part of a plan workbook" in page.content.decode()
    _nothing_in_the_plan(b)


def test_only_the_coordinator_may_import_a_plan(a, login):
    for role in ("spoc_police", "board", "viewer"):
        assert login(a.user(role)).get(reverse("strategy:plan_import", kwargs={"slug": a.slug})).status_code == 403


# The Hampshire example of the seed guide: a vision above a table of strategic objectives, each with its
# 4P, the change it aims at, its actions in one cell and its outputs and outcomes in another (our words).
def test_the_hampshire_objectives_go_in_from_their_own_layout_through_the_mapping_page(a, login):
    sw.objective(a, code="OBJ1")
    client = login(a.coordinator)
    url = reverse("strategy:objectives_import", kwargs={"slug": a.slug})
    page = client.post(url, {"file": SimpleUploadedFile("hampshire.xlsx", workbook({"Objectives": HAMPSHIRE}))})
    state = page.context["state"]
    assert state.sheets[0].header_line == 3
    assert state.columns["title"] == "Strategic objective" and state.columns["activities"] == "Actions"
    mapped = {
        "token": page.context["token"],
        "map": "1",
        "sheet": ["Objectives"],
        "column-title": "Strategic objective",
        "column-strand": "4P",
        "column-impact": "Impact",
        "column-activities": "Actions",
        "column-outcomes": "Outputs and outcomes",
    }
    page = client.post(url, mapped)
    assert "Every row is valid: all 2 rows are valid" in page.content.decode()
    assert not Objective.objects.filter(title__startswith="Make people aware").exists()
    assert _confirm(client, a, page, "strategy:objectives_import").status_code == 302

    aware = Objective.objects.get(partnership=a.partnership, title="Make people aware of modern slavery")
    assert (aware.code, aware.strand.code) == ("OBJ2", "protect")
    chain = list(aware.chain_entries.order_by("-level", "order"))
    assert [(e.get_level_display(), e.description[:22]) for e in chain] == [
        ("Impact", "People are more aware "),
        ("Outcome", "More reports of modern"),
        ("Outcome", "Staff understand what "),
        ("Activity", "Run a partnership enga"),
        ("Activity", "Give frontline staff a"),
        ("Activity", "Keep the partnership's"),
    ]
    impact = chain[0]
    assert all(e.leads_to == impact for e in chain[1:3])
    assert all(e.leads_to is None for e in chain[3:])  # no outputs between activities and outcomes: no link
    assert Objective.objects.get(partnership=a.partnership, code="OBJ3").strand.code == "prevent"
    assert AuditEvent.objects.filter(action="plan.import_objectives", partnership=a.partnership).count() == 1


def test_a_table_of_objectives_naming_a_strand_the_partnership_lacks_is_refused_with_a_link_to_add_one(a, login):
    rows = [HAMPSHIRE[2], [*HAMPSHIRE[3][:1], "Partnership", *HAMPSHIRE[3][2:]]]
    client = login(a.coordinator)
    url = reverse("strategy:objectives_import", kwargs={"slug": a.slug})
    page = client.post(url, {"file": SimpleUploadedFile("objectives.xlsx", workbook({"Sheet": rows}))})
    text = page.content.decode()
    assert "Strand: there is no strand “Partnership” (by ref or name) in the file or in this partnership." in text
    assert reverse("strategy:strand_create", kwargs={"slug": a.slug}) in text
    assert not Objective.objects.filter(partnership=a.partnership).exists()


def test_the_plan_download_costs_the_same_queries_for_a_small_plan_and_a_big_one(a, login):
    from .query_sizes import flat_queries, ok

    client = login(a.coordinator)
    url = reverse("strategy:plan_xlsx", kwargs={"slug": a.slug})

    def grow(n):
        for _ in range(n):
            objective = sw.objective(a)
            sw.chain(a, objective)
            sw.assumption(a)
            sw.risk(a, objectives=[objective])

    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=14, small=2, big=4)


def test_a_plan_naming_an_organisation_the_partnership_lacks_links_to_where_it_is_added(a, b, login):
    content = _broken(a, lambda cells: None)
    page = _check(login(b.coordinator), b, content)
    text = page.content.decode()
    assert "Owner organisation: No organisation named “Northvale Police” in this partnership." in text
    assert reverse("partnerships:organisation_create", kwargs={"slug": b.slug}) in text
    _nothing_in_the_plan(b)
