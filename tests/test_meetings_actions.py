"""Actions arising from a meeting become actions of the plan through the action plan's own service,
once, with the link shown on the meeting."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplans.models import Action, ActionStatusChange
from actionplans.services.meeting_items import action_from_meeting_item
from partnerships.meetings import services as meeting_services
from partnerships.models import AuditEvent, MeetingActionItem

from .health_helpers import meeting

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def _item(side, **values):
    m = meeting(side, TODAY - dt.timedelta(days=2))
    return meeting_services.meeting_item_add(actor=side.coordinator, meeting=m, text="Map hand car washes", **values)


def test_an_action_arising_becomes_an_action_of_the_plan_with_its_history(a):
    item = _item(a, owner_organisation=a.police, due_on=TODAY + dt.timedelta(days=30))
    action = action_from_meeting_item(actor=a.coordinator, item=item)
    item.refresh_from_db()
    assert item.action_id == action.pk
    assert (action.partnership, action.owner_organisation, action.due_date) == (
        a.partnership,
        a.police,
        TODAY + dt.timedelta(days=30),
    )
    assert action.title == "Map hand car washes"
    assert action.start_date == item.meeting.held_on
    line = ActionStatusChange.objects.get(action=action)
    assert "Arose at Board meeting" in line.note
    event = AuditEvent.objects.get(action="meetingactionitem.update", object_id=str(item.pk))
    assert "action_id" in event.changes


def test_an_action_arising_cannot_go_into_the_plan_twice(a):
    item = _item(a, owner_organisation=a.police, due_on=TODAY + dt.timedelta(days=30))
    action_from_meeting_item(actor=a.coordinator, item=item)
    stale = MeetingActionItem.objects.get(pk=item.pk)
    stale.action_id = None  # a second tab still showing the button
    with pytest.raises(ValidationError, match="already in the action plan"):
        action_from_meeting_item(actor=a.coordinator, item=stale)
    assert Action.objects.filter(partnership=a.partnership).count() == 1


def test_an_action_arising_without_owner_or_due_date_asks_for_them_and_writes_nothing(a):
    item = _item(a)
    with pytest.raises(ValidationError) as error:
        action_from_meeting_item(actor=a.coordinator, item=item)
    assert set(error.value.message_dict) == {"owner_organisation", "due_date"}
    assert not Action.objects.filter(partnership=a.partnership).exists()
    action = action_from_meeting_item(
        actor=a.coordinator, item=item, owner_organisation=a.charity, due_date=TODAY + dt.timedelta(days=10)
    )
    assert action.owner_organisation == a.charity


def test_another_partnerships_organisation_cannot_own_the_action(a, b):
    item = _item(a)
    with pytest.raises(ValidationError, match="not part of this partnership"):
        action_from_meeting_item(
            actor=a.coordinator, item=item, owner_organisation=b.police, due_date=TODAY + dt.timedelta(days=10)
        )
    assert not Action.objects.exists()


def test_the_coordinator_adds_an_item_to_the_plan_from_the_meeting_page_and_sees_the_link(a, login):
    item = _item(a)
    client = login(a.coordinator)
    url = reverse("meetings:item_to_plan", kwargs={"slug": a.slug, "pk": item.pk})
    detail = reverse("meetings:detail", kwargs={"slug": a.slug, "pk": item.meeting_id})
    page = client.get(detail)
    assert url in page.content.decode()
    response = client.post(url, {"owner_organisation": "", "due_date": ""}, follow=True)
    assert "Choose the organisation that will own the action." in response.content.decode()
    response = client.post(
        url,
        {"owner_organisation": str(a.police.pk), "due_date": (TODAY + dt.timedelta(days=20)).isoformat()},
        follow=True,
    )
    action = Action.objects.get(partnership=a.partnership)
    html = response.content.decode()
    assert reverse("actions:detail", kwargs={"slug": a.slug, "pk": action.pk}) in html
    assert url not in html
    again = client.post(url, {"owner_organisation": str(a.police.pk), "due_date": "2030-01-01"}, follow=True)
    assert "already in the action plan" in again.content.decode()
    assert Action.objects.filter(partnership=a.partnership).count() == 1


def test_a_board_member_cannot_add_an_item_to_the_plan(a, login):
    item = _item(a, owner_organisation=a.police, due_on=TODAY + dt.timedelta(days=3))
    response = login(a.board).post(reverse("meetings:item_to_plan", kwargs={"slug": a.slug, "pk": item.pk}))
    assert response.status_code == 403
    assert not Action.objects.exists()
