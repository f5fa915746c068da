"""The recommendations register: a response, one click to actions, and the status following them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from actionplans import services as actions
from actionplans.learning import services
from actionplans.learning.models import RecommendationChange, RecStatus
from actionplans.models import Action
from partnerships.models import AuditEvent

from .learning_helpers import accepted, make_recommendation

pytestmark = pytest.mark.django_db


def test_a_new_recommendation_awaits_the_partnerships_response(a):
    rec = make_recommendation(a)
    assert rec.status == RecStatus.AWAITING
    assert [h.status for h in rec.history.all()] == [RecStatus.AWAITING]
    assert AuditEvent.objects.filter(partnership=a.partnership, action__startswith="recommendation").exists()


def test_a_recommendation_not_accepted_needs_reasons_and_is_not_taken_forward(a):
    rec = make_recommendation(a)
    with pytest.raises(ValidationError, match="reasons"):
        services.recommendation_respond(actor=a.coordinator, recommendation=rec, response="reject", reasons=" ")
    rec.refresh_from_db()
    assert rec.response == "pending"
    services.recommendation_respond(
        actor=a.coordinator, recommendation=rec, response="reject", reasons="The housing teams have no capacity."
    )
    rec.refresh_from_db()
    assert rec.status == RecStatus.NOT_TAKEN
    assert rec.responded_at is not None


def test_an_accepted_recommendation_becomes_an_action_owned_and_due_as_it_is(a):
    rec = accepted(a, organisation=a.charity)
    assert rec.status == RecStatus.AGREED
    [action] = services.recommendation_make_actions(actor=a.coordinator, recommendation=rec)
    assert action.owner_organisation == a.charity
    assert action.due_date == rec.due_date
    assert list(action.recommendations.all()) == [rec]  # linked both ways
    rec.refresh_from_db()
    assert rec.status == RecStatus.IN_PROGRESS


def test_turning_a_recommendation_into_actions_twice_is_refused_and_writes_nothing(a):
    rec = accepted(a)
    services.recommendation_make_actions(actor=a.coordinator, recommendation=rec, titles=["One", "Two"])
    before = (Action.objects.count(), RecommendationChange.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError, match="already"):
        services.recommendation_make_actions(actor=a.coordinator, recommendation=rec, titles=["Three"])
    assert (Action.objects.count(), RecommendationChange.objects.count(), AuditEvent.objects.count()) == before


def test_a_recommendation_awaiting_its_response_cannot_become_actions(a):
    rec = make_recommendation(a)
    with pytest.raises(ValidationError, match="accepted"):
        services.recommendation_make_actions(actor=a.coordinator, recommendation=rec)
    assert not Action.objects.exists()


def test_the_status_follows_the_actions_to_behind_and_then_done(a):
    rec = accepted(a)
    first, second = services.recommendation_make_actions(actor=a.coordinator, recommendation=rec, titles=["A", "B"])
    actions.action_set_status(actor=a.coordinator, action=first, status="red", note="No venue.")
    rec.refresh_from_db()
    assert rec.status == RecStatus.BEHIND
    actions.action_set_status(actor=a.coordinator, action=first, status="complete")
    actions.action_set_status(actor=a.spoc_police, action=second, status="complete")
    rec.refresh_from_db()
    assert rec.status == RecStatus.DONE
    assert [h.status for h in rec.history.all()][-2:] == [RecStatus.IN_PROGRESS, RecStatus.DONE]


def test_deleting_an_action_recomputes_the_recommendation_from_those_left(a):
    rec = accepted(a)
    done, open_ = services.recommendation_make_actions(actor=a.coordinator, recommendation=rec, titles=["A", "B"])
    actions.action_set_status(actor=a.coordinator, action=done, status="complete")
    rec.refresh_from_db()
    assert rec.status == RecStatus.IN_PROGRESS
    actions.action_delete(actor=a.coordinator, action=open_)
    rec.refresh_from_db()
    assert rec.status == RecStatus.DONE
    actions.action_delete(actor=a.coordinator, action=done)
    rec.refresh_from_db()
    assert rec.status == RecStatus.AGREED
    assert "deleted" in rec.history.last().note


def test_an_action_becoming_overdue_puts_its_recommendation_behind(a, monkeypatch):
    monkeypatch.setattr("actionplans.clock.today", lambda: dt.date(2026, 6, 1))
    rec = accepted(a, due_date=dt.date(2026, 6, 30))
    [action] = services.recommendation_make_actions(actor=a.coordinator, recommendation=rec)
    rec.refresh_from_db()
    assert rec.status == RecStatus.IN_PROGRESS
    monkeypatch.setattr("actionplans.clock.today", lambda: dt.date(2026, 7, 1))
    actions.action_record_overdue(action=action, today=dt.date(2026, 7, 1))  # the daily job
    rec.refresh_from_db()
    assert rec.status == RecStatus.BEHIND


def test_an_owner_from_another_partnership_is_refused(a, b):
    with pytest.raises(ValidationError):
        make_recommendation(a, organisation=b.police)


def test_a_response_overdue_is_flagged_only_while_unanswered(a):
    rec = make_recommendation(a, response_due=dt.date(2026, 5, 1))
    assert rec.response_overdue(dt.date(2026, 5, 2))
    assert not rec.response_overdue(dt.date(2026, 5, 1))
    services.recommendation_respond(actor=a.coordinator, recommendation=rec, response="accept")
    assert not rec.response_overdue(dt.date(2026, 5, 2))
