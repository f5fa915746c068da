"""Actions through the API: the plan with each action's status history, filters, and status changes
with a note through action_set_status — for the owning organisation's SPOC and coordinators."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actionplans import services
from actionplans.models import ActionStatusChange
from partnerships.models import AuditEvent

from .action_helpers import make_action
from .api_helpers import ApiClient, token_for
from .api_work import council_action, police_action

pytestmark = pytest.mark.django_db


def _api(side, path=""):
    return f"/api/v1/p/{side.slug}/{path}"


# Who may change the status of an action owned by the police (the API route is in API_OWN_TESTS).
WHO_MAY_CHANGE_A_POLICE_ACTION = dict(coordinator=201, spoc_police=201, spoc_charity=403, board=403, viewer=403)


@pytest.mark.parametrize(("role", "expected"), sorted(WHO_MAY_CHANGE_A_POLICE_ACTION.items()))
def test_the_owning_organisations_spoc_and_coordinators_change_an_actions_status(role, expected, a):
    action = police_action(a)
    response = ApiClient(token_for(a.user(role))).post(
        _api(a, f"actions/{action.pk}/status/"), {"status": "amber", "note": "Training dates moved"}
    )
    assert response.status_code == expected, response.content
    action.refresh_from_db()
    assert action.status == ("amber" if expected == 201 else "green")


def test_a_status_change_adds_a_line_to_the_history_with_its_note_and_an_audit_event(a):
    action = police_action(a)
    response = ApiClient(token_for(a.spoc_police)).post(
        _api(a, f"actions/{action.pk}/status/"), {"status": "red", "note": "No trainer", "expected_status": "green"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "red" and body["status_label"] == "Red"
    assert [(h["status"], h["note"]) for h in body["history"]][-1] == ("red", "No trainer")
    assert body["history"][-1]["changed_by"] == a.spoc_police.full_name
    assert AuditEvent.objects.filter(action="action.status", object_id=str(action.pk), actor=a.spoc_police).exists()


def test_red_without_a_note_is_refused_on_the_note_field(a):
    action = police_action(a)
    response = ApiClient(token_for(a.coordinator)).post(_api(a, f"actions/{action.pk}/status/"), {"status": "red"})
    assert response.status_code == 400
    assert response.json()["errors"] == {"note": ["Say why the action is Red: a note is needed for a change to Red."]}
    assert ActionStatusChange.objects.filter(action=action).count() == 1


def test_a_status_that_changed_meanwhile_is_a_conflict_and_nothing_is_written(a):
    action = police_action(a)
    services.action_set_status(actor=a.coordinator, action=action, status="amber", note="Slipping")
    response = ApiClient(token_for(a.spoc_police)).post(
        _api(a, f"actions/{action.pk}/status/"), {"status": "complete", "expected_status": "green"}
    )
    assert response.status_code == 409
    assert response.json()["detail"].startswith("The status changed meanwhile: it is now Amber, not Green.")
    action.refresh_from_db()
    assert action.status == "amber" and ActionStatusChange.objects.filter(action=action).count() == 2


def test_actions_filter_by_status_organisation_strand_and_overdue(a):
    api = ApiClient(token_for(a.viewer))
    police, council = police_action(a), council_action(a)
    late = make_action(
        a,
        organisation=a.council,
        title="Overdue leaflet",
        due_date=dt.date(2025, 1, 31),
        start_date=dt.date(2024, 10, 1),
    )
    services.action_set_status(actor=a.coordinator, action=council, status="amber", note="Late start")
    assert [x["id"] for x in api.get(_api(a, "actions/"), {"status": "amber"}).json()["results"]] == [council.pk]
    by_owner = api.get(_api(a, "actions/"), {"organisation": a.police.pk}).json()["results"]
    assert [x["id"] for x in by_owner] == [police.pk]
    overdue = api.get(_api(a, "actions/"), {"overdue": "true"}).json()["results"]
    assert [x["id"] for x in overdue] == [late.pk] and overdue[0]["overdue"] is True
    assert api.get(_api(a, "actions/"), {"overdue": "false"}).json()["count"] == 2
    assert api.get(_api(a, "actions/"), {"strand": 99999}).json()["count"] == 0
    detail = api.get(_api(a, f"actions/{council.pk}/")).json()
    assert [h["status"] for h in detail["history"]] == ["green", "amber"]


def test_the_actions_list_takes_the_same_few_queries_however_many_actions(a):
    api = ApiClient(token_for(a.viewer))
    police_action(a)
    api.get(_api(a, "actions/"))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(_api(a, "actions/"), {"page_size": 100}).status_code == 200
        return len(captured)

    small = queries()
    for i in range(30):
        action = make_action(a, organisation=a.charity, title=f"Outreach session {i}")
        services.action_set_status(actor=a.coordinator, action=action, status="amber", note="Venue changed")
    assert queries() == small <= 5  # token, membership, count, rows, history


def test_the_kept_list_of_actions_shows_a_status_change_made_after_it_was_read(a):
    action = police_action(a)
    client = ApiClient(token_for(a.board))
    first = client.get(_api(a, "actions/?page_size=100")).json()
    assert [row["status"] for row in first["results"] if row["id"] == action.pk] == ["green"]
    services.action_set_status(actor=a.spoc_police, action=action, status="red", note="The trainer left")
    again = client.get(_api(a, "actions/?page_size=100")).json()
    assert [row["status"] for row in again["results"] if row["id"] == action.pk] == ["red"]
