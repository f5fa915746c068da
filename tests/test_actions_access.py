"""Who may change an action's status: coordinators any, a SPOC only their organisation's, board and viewer none."""

import pytest
from django.urls import reverse

from actionplans.models import Action, ActionStatusChange

from .action_helpers import make_action

pytestmark = pytest.mark.django_db


def _status_url(side, action):
    return reverse("actions:status", kwargs={"slug": side.slug, "pk": action.pk})


def _bulk_url(side):
    return reverse("actions:bulk_status", kwargs={"slug": side.slug})


def test_a_spoc_changes_the_status_of_their_own_organisations_action(a, login):
    action = make_action(a, organisation=a.police)
    client = login(a.spoc_police)
    assert client.get(_status_url(a, action)).status_code == 200
    response = client.post(_status_url(a, action), {"status": "amber", "note": "Venue fell through."})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "amber"
    assert action.history.last().changed_by == a.spoc_police


def test_a_spoc_cannot_change_another_organisations_action(a, login):
    action = make_action(a, organisation=a.charity)
    client = login(a.spoc_police)
    assert client.get(_status_url(a, action)).status_code == 403
    assert client.post(_status_url(a, action), {"status": "red", "note": "Sabotage"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "green"
    assert action.history.count() == 1


def test_a_coordinator_changes_any_action(a, login):
    action = make_action(a, organisation=a.charity)
    response = login(a.coordinator).post(_status_url(a, action), {"status": "complete", "note": ""})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "complete"


@pytest.mark.parametrize("role", ["board", "viewer"])
def test_board_and_viewer_read_the_plan_but_change_nothing(a, login, role):
    action = make_action(a)
    client = login(a.user(role))
    assert client.get(reverse("actions:detail", kwargs={"slug": a.slug, "pk": action.pk})).status_code == 200
    assert client.get(_status_url(a, action)).status_code == 403
    assert client.post(_status_url(a, action), {"status": "amber", "note": "x"}).status_code == 403
    assert client.post(_bulk_url(a), {"actions": [action.pk], "status": "amber"}).status_code == 403
    assert ActionStatusChange.objects.filter(action=action).count() == 1


def test_another_partnerships_action_is_not_found_for_its_own_spoc_either(a, b, login):
    action = make_action(b, organisation=b.police)
    assert login(a.spoc_police).post(_status_url(a, action), {"status": "amber"}).status_code == 404


def test_a_spoc_bulk_updates_only_their_organisations_actions(a, login):
    own = [make_action(a, organisation=a.police, title=f"Police action {i}") for i in range(2)]
    other = make_action(a, organisation=a.charity, title="Charity action")
    client = login(a.spoc_police)
    refused = client.post(_bulk_url(a), {"actions": [own[0].pk, other.pk], "status": "amber", "note": "Slipping"})
    assert refused.status_code == 403
    assert set(Action.objects.values_list("status", flat=True)) == {"green"}
    accepted = client.post(_bulk_url(a), {"actions": [o.pk for o in own], "status": "amber", "note": "Slipping"})
    assert accepted.status_code == 302
    assert [Action.objects.get(pk=o.pk).status for o in own] == ["amber", "amber"]
    assert Action.objects.get(pk=other.pk).status == "green"


def test_a_bulk_change_to_red_without_a_note_changes_nothing(a, login):
    actions = [make_action(a, title=f"Action {i}") for i in range(3)]
    response = login(a.coordinator).post(_bulk_url(a), {"actions": [x.pk for x in actions], "status": "red"})
    assert response.status_code == 302
    assert set(Action.objects.values_list("status", flat=True)) == {"green"}
    assert ActionStatusChange.objects.count() == 3


def test_bulk_update_refuses_ids_of_another_partnership(a, b, login):
    mine, theirs = make_action(a), make_action(b)
    login(a.coordinator).post(_bulk_url(a), {"actions": [mine.pk, theirs.pk], "status": "amber", "note": "x"})
    assert Action.objects.get(pk=theirs.pk).status == "green"
    assert Action.objects.get(pk=mine.pk).status == "green"


def test_my_actions_shows_a_spoc_their_organisations_actions_only(a, login):
    make_action(a, organisation=a.police, title="Police visit car washes")
    make_action(a, organisation=a.charity, title="Charity runs drop-in")
    page = login(a.spoc_police).get(reverse("actions:mine", kwargs={"slug": a.slug})).content.decode()
    assert "Police visit car washes" in page
    assert "Charity runs drop-in" not in page
    assert "Change status" in page
    assert f"?organisation={a.police.pk}&amp;status=green" in page  # the counts lead to the same actions


def test_the_plan_offers_a_spoc_the_change_button_only_on_their_rows(a, login):
    own = make_action(a, organisation=a.police, title="Police visit car washes")
    other = make_action(a, organisation=a.charity, title="Charity runs drop-in")
    page = login(a.spoc_police).get(reverse("actions:plan", kwargs={"slug": a.slug})).content.decode()
    assert _status_url(a, own) in page
    assert _status_url(a, other) not in page
