"""Conflict rules live in services (issue 17, point 4): a service raises ``aspm.errors.ConflictError``
under its row lock; the page says its words, the API answers 409 with the same words."""

from __future__ import annotations

import pytest
from django.urls import reverse

from actionplans import services as actions
from actionplans.models import ActionStatusChange
from aspm.errors import Conflict, ConflictError, in_words
from indicators.measurement import services as measurement
from reports.returns import services as returns

from .action_helpers import make_action
from .api_helpers import ApiClient, token_for
from .api_work import police_return, q1, the_figure, the_indicator
from .returns_cast import NARRATIVE

pytestmark = pytest.mark.django_db


def _submitted_police_return(side):
    return_ = police_return(side)
    returns.return_save_draft(
        actor=side.spoc_police, return_=return_, narrative=NARRATIVE, figures={the_indicator(side).pk: {"value": "4"}}
    )
    returns.return_submit(actor=side.spoc_police, return_=return_)
    return return_


def test_there_is_one_conflict_error_and_it_is_a_validation_error_that_forms_show():
    assert Conflict is ConflictError
    assert in_words(ConflictError(["It is locked.", "Ask the coordinator."])) == "It is locked. Ask the coordinator."


def test_the_action_service_refuses_a_status_changed_meanwhile_when_asked_to_and_writes_nothing(a):
    action = make_action(a)
    actions.action_set_status(actor=a.coordinator, action=action, status="amber", note="Slipping")
    with pytest.raises(ConflictError, match="it is now Amber, not Green"):
        actions.action_set_status(
            actor=a.spoc_police, action=action, status="complete", expected_status="green", if_changed="refuse"
        )
    assert ActionStatusChange.objects.filter(action=action).count() == 2


def test_the_action_service_records_both_changes_and_says_so_when_the_page_saves(a):
    action = make_action(a)
    actions.action_set_status(actor=a.coordinator, action=action, status="amber", note="Slipping")
    outcome = actions.action_set_status(actor=a.spoc_police, action=action, status="complete", expected_status="green")
    assert outcome.overtaken_by is not None
    assert ActionStatusChange.objects.filter(action=action).count() == 3


def test_a_submitted_return_is_a_conflict_from_the_service_said_in_the_same_words_by_the_page_and_the_api(a, login):
    return_ = _submitted_police_return(a)
    with pytest.raises(ConflictError) as refused:
        returns.return_save_draft(actor=a.spoc_police, return_=return_, narrative={"progress": "Later"})
    words = in_words(refused.value)
    assert "is submitted, so it cannot be changed or submitted" in words

    api = ApiClient(token_for(a.spoc_police)).patch(
        f"/api/v1/p/{a.slug}/returns/{return_.pk}/", {"progress": "Later thoughts"}
    )
    assert api.status_code == 409 and api.json()["detail"] == words

    url = reverse("reports:return_autosave", kwargs={"slug": a.slug, "pk": return_.pk})
    page = login(a.spoc_police).post(url, {**NARRATIVE, "progress": "Later thoughts"})
    assert page["X-Autosave"] == "refused" and words in page.content.decode()


def test_a_locked_period_is_a_conflict_from_figure_record_itself_and_the_api_says_its_words(a):
    figure = the_figure(a)
    measurement.period_lock(actor=a.coordinator, period=q1(a))
    with pytest.raises(ConflictError) as refused:
        measurement.figure_record(
            actor=a.coordinator, indicator=figure.indicator, period=q1(a), organisation=figure.organisation, value="9"
        )
    assert refused.value.message_dict == {
        "period": [
            f"{q1(a).label} is locked: its figures change only through a coordinator's recorded correction "
            "on the indicator's page."
        ]
    }
    api = ApiClient(token_for(a.coordinator)).patch(f"/api/v1/p/{a.slug}/figures/{figure.pk}/", {"value": "9"})
    assert api.status_code == 409 and api.json()["detail"] == in_words(refused.value)
