"""Strategy pages: the SMART check on the list and the objective, the results chain edited in place,
the LogFrame read back from its .xlsx, evidence served to members, risks flagged for review."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from indicators.models import ResultsChainEntry
from indicators.strategy import services
from indicators.strategy.diagram import results_chain_svg

from . import strategy_world as sw

pytestmark = pytest.mark.django_db


def _url(name, side, *args):
    return reverse(f"strategy:{name}", args=[side.slug, *args])


def _vision(side):
    services.plan_statement_update(actor=side.coordinator, partnership=side.partnership, vision="Nobody exploited.")


def test_the_objectives_list_flags_an_objective_that_fails_a_check_and_not_one_that_passes(a, login):
    _vision(a)
    complete = sw.objective(a, title="Complete objective")
    sw.measured(a, complete)
    services.objective_set_specific(actor=a.coordinator, objective=complete, confirmed=True)
    sw.objective(a, title="Vague objective", start_date=None)
    page = login(a.viewer).get(_url("objectives", a)).content.decode()
    flagged_rows = [row for row in page.split("<tr") if "objective-flagged" in row]
    assert len(flagged_rows) == 1 and "Vague objective" in flagged_rows[0]
    assert "Needs: specific, measurable, time-bound" in flagged_rows[0]
    only_flagged = login(a.viewer).get(_url("objectives", a) + "?flagged=1").content.decode()
    assert "Vague objective" in only_flagged and "Complete objective" not in only_flagged


def test_the_smart_check_explains_each_part(a, login):
    objective = sw.objective(a)
    sw.measured(a, objective, target=None)
    page = login(a.spoc_police).get(_url("objective_detail", a, objective.pk)).content.decode()
    assert "Measurable: not met" in page and "still need a baseline and a target" in page
    assert "write the partnership&#x27;s vision" in page
    assert "Time-bound: met" in page and "1 April 2026 to 31 March 2027" in page
    assert "Owned by Northvale Police" in page
    assert "what will change, for whom, where" in page  # the prompt for "specific"
    assert "Save my judgement" not in page  # a SPOC reads, does not judge


def test_an_objective_with_an_indicator_baseline_and_target_is_measurable(a, login):
    _vision(a)
    objective = sw.objective(a)
    sw.measured(a, objective)
    services.objective_set_specific(actor=a.coordinator, objective=objective, confirmed=True)
    page = login(a.board).get(_url("objective_detail", a, objective.pk)).content.decode()
    assert "All met" in page and "not met" not in page


def test_an_empty_level_of_the_chain_is_pointed_out(a, login):
    objective = sw.objective(a)
    services.chain_entry_create(actor=a.coordinator, objective=objective, level=1, description="Officer time")
    page = login(a.viewer).get(_url("objective_detail", a, objective.pk)).content.decode()
    assert "Missing from this chain:</strong> Activity, Output, Outcome, Impact" in page
    assert page.count("Nothing at this level yet") >= 4


def test_the_coordinator_adds_a_chain_entry_in_place_with_htmx(a, login):
    entries = sw.chain(a)
    objective = entries[1].objective
    client = login(a.coordinator)
    response = client.post(
        _url("chain_entry_create", a, objective.pk, 2),
        {"description": "Joint visits to nail bars", "leads_to": entries[3].pk, "link_assumption": "Owners let us in"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="chain"') and "<svg" in html and "Joint visits to nail bars" in html
    added = ResultsChainEntry.objects.get(description="Joint visits to nail bars")
    assert (added.level, added.leads_to, added.link_assumption) == (2, entries[3], "Owners let us in")


def test_a_skipping_link_sent_with_htmx_comes_back_as_the_form_with_its_error(a, login):
    entries = sw.chain(a)
    response = login(a.coordinator).post(
        _url("chain_entry_edit", a, entries[2].pk),
        {"description": "Days of action", "leads_to": entries[4].pk},
        HTTP_HX_REQUEST="true",
    )
    # The form offers only entries of the next level up, so the skip is refused before the service.
    assert response["HX-Retarget"] == f"#entry-{entries[2].pk}"
    assert "Select a valid choice" in response.content.decode()
    entries[2].refresh_from_db()
    assert entries[2].leads_to == entries[3]


def test_without_javascript_adding_an_entry_returns_to_the_objective(a, login):
    objective = sw.objective(a)
    response = login(a.coordinator).post(_url("chain_entry_create", a, objective.pk, 1), {"description": "Budget"})
    assert response.status_code == 302 and response.url.endswith(f"/objectives/{objective.pk}/#chain")


def test_the_chain_diagram_is_svg_with_a_title_an_arrow_per_link_and_escaped_text(a):
    entries = sw.chain(a)
    services.chain_entry_update(actor=a.coordinator, entry=entries[1], description="<b>Staff</b> & money",
                                leads_to=entries[2])  # fmt: skip
    svg = results_chain_svg(list(ResultsChainEntry.objects.all()), title="Chain of OBJ1")
    assert svg.startswith("<svg") and '<title id="chain-title">Chain of OBJ1</title>' in svg
    assert svg.count("<line ") == 4
    assert "&lt;b&gt;Staff&lt;/b&gt; &amp; money" in svg and "<b>" not in svg


def test_the_logframe_export_reads_back_with_the_right_rows_and_columns(a, login):
    entries = sw.chain(a)
    objective = entries[1].objective
    sw.measured(a, objective)
    risky = sw.objective(a, title="Spreadsheet trap")
    services.chain_entry_create(actor=a.coordinator, objective=risky, level=4, description="=HYPERLINK(evil)")
    sw.risk(a, objectives=[objective])
    response = login(a.viewer).get(_url("logframe_xlsx", a))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == (
        "Objective",
        "Level",
        "Narrative summary",
        "Indicators of achievement",
        "Means of verification",
        "Risks and assumptions",
    )
    body, trap = rows[2:6], rows[6:]
    assert [r[1] for r in body] == ["Impact", "Outcomes", "Outputs", "Activities"]  # the chain's words
    assert len(trap) == 4 and trap[1][2] == "'=HYPERLINK(evil)"  # neutralised: shown as text, never run
    assert all(r[0] == f"{objective.code} {objective.title}" for r in body)
    goal, purpose, outputs, activities = body
    assert goal[2] == "Fewer people exploited" and "Risk: Funding ends (very high)" in goal[5]
    assert purpose[2] == "More offenders convicted"
    assert outputs[3] == f"IND-{objective.pk} Joint operations run" and outputs[4] == "Police operations log"
    assert activities[2] == "Days of action"


def test_the_logframe_page_is_printable_and_can_show_one_objective(a, login):
    first, second = sw.objective(a, title="First aim"), sw.objective(a, title="Second aim")
    page = login(a.board).get(_url("logframe", a) + f"?objective={second.pk}").content.decode()
    assert "Second aim</a>" in page and "First aim</a>" not in page
    assert "data-print" in page and "Nothing at this level of the chain yet" in page
    assert first.pk != second.pk


def test_evidence_is_uploaded_by_the_coordinator_and_served_to_members_only_as_a_download(a, b, login, client):
    goal = sw.goal(a)
    upload = SimpleUploadedFile("tor.pdf", sw.PDF, content_type="application/pdf")
    response = login(a.coordinator).post(
        _url("goal_edit", a, goal.pk), {"status": "done", "achieved_on": "2026-05-01", "evidence_file": upload}
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.evidence_file.name.startswith(f"evidence/{a.partnership.pk}/")
    download = login(a.viewer).get(_url("goal_evidence", a, goal.pk))
    assert download.status_code == 200 and b"".join(download.streaming_content) == sw.PDF
    assert download["Content-Disposition"].startswith("attachment") and download["X-Content-Type-Options"] == "nosniff"
    assert login(b.coordinator).get(_url("goal_evidence", a, goal.pk)).status_code == 404


def test_a_bad_evidence_file_is_refused_on_the_form(a, login):
    goal = sw.goal(a)
    fake = SimpleUploadedFile("tor.pdf", b"\x00\x01binary junk" * 10)
    response = login(a.coordinator).post(
        _url("goal_edit", a, goal.pk), {"status": "in_progress", "evidence_file": fake}
    )
    assert response.status_code == 200
    assert "This kind of file is not accepted" in response.content.decode()
    goal.refresh_from_db()
    assert goal.status == "not_started" and not goal.evidence_file


def test_risks_overdue_for_review_are_flagged_and_counted_on_the_heat_map(a, login):
    sw.risk(a, title="Old review", review_date=dt.date(2020, 1, 1), likelihood=5, impact=5)
    sw.risk(a, title="Closed and old", review_date=dt.date(2020, 1, 1), status="closed")
    sw.risk(a, title="Fresh", review_date=dt.date(2099, 1, 1), likelihood=5, impact=5)
    page = login(a.viewer).get(_url("risks", a)).content.decode()
    assert "1 risk is overdue for review" in page
    assert '<strong>2</strong><span class="visually-hidden"> risks, score 25, Very high</span>' in page


def test_a_likelihood_of_7_on_the_form_is_refused_in_plain_words(a, login):
    response = login(a.coordinator).post(
        _url("risk_create", a), {"title": "Silly", "likelihood": "7", "impact": "3", "status": "open"}
    )
    assert response.status_code == 200
    assert "less than or equal to 5" in response.content.decode()


def test_an_objective_form_with_the_end_before_the_start_shows_the_error_on_the_field(a, login):
    response = login(a.coordinator).post(
        _url("objective_create", a),
        {"title": "Backwards", "start_date": "2027-01-01", "end_date": "2026-01-01", "priority": "high"},
    )
    assert "The end date must be after the start date." in response.content.decode()


def test_a_subgroup_page_shows_members_chair_strands_and_objectives(a, login):
    group = sw.subgroup(a, name="Protect and Prepare")
    sw.objective(a, title="Safe beds", owner_organisation=None, owner_subgroup=group)
    page = login(a.spoc_charity).get(_url("subgroup_detail", a, group.pk)).content.decode()
    assert "Pete Police" in page and "Chair</span>" in page and "Cora Coordinator" in page
    assert "Pursue" in page and "Safe beds" in page


def test_new_partnership_hook_is_listed():
    from aspm.hooks import HOOKS

    assert "indicators.strategy.services.strands.create_default_strands" in HOOKS["partnership_created"]
