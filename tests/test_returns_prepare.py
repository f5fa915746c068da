"""No write on GET (issue 17, point 3): a return's rows are prepared when it opens, reopens or goes
back to the organisation, and when what the organisation reports changes — under the return's
row lock — never when its page is shown."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans import services as actions
from indicators.measurement.services.indicators import indicator_create, indicator_update
from reports.models import ReturnActionUpdate, ReturnFigure
from reports.returns import services

from .action_helpers import make_action
from .returns_cast import indicator, open_period, police_return, quarter, submitted, the_return

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def _codes(return_):
    return sorted(ReturnFigure.objects.filter(return_obj=return_).values_list("indicator__code", flat=True))


def test_opening_a_quarter_prepares_each_returns_rows(a):
    indicator(a, "IND-1", reporters=[a.police])
    make_action(a, organisation=a.police, title="Brief taxi drivers")
    period = quarter(a)
    open_period(a, period)
    return_ = the_return(a, a.police, period)
    assert _codes(return_) == ["IND-1"]
    assert ReturnActionUpdate.objects.filter(return_obj=return_).count() == 1


def test_showing_the_return_page_writes_nothing_even_to_its_organisation(a, login):
    return_ = police_return(a)
    indicator(a, "IND-1", reporters=[a.police])
    url = reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk})
    for user in (a.spoc_police, a.coordinator):
        client = login(user)
        client.get(url)  # the session settles on the first request
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        assert page.status_code == 200 and "IND-1" in page.content.decode()
        written = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].lstrip().upper().startswith(WRITES) and "django_session" not in q["sql"]  # the idle timeout
        ]
        assert written == []


def test_an_indicator_added_through_its_service_is_staged_in_its_reporters_open_returns(a, login):
    return_ = police_return(a)
    assert _codes(return_) == []
    indicator_create(
        actor=a.coordinator, partnership=a.partnership, code="NEW-1", name="New", reporting_organisations=[a.police]
    )
    assert _codes(return_) == ["NEW-1"]
    url = reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk})
    assert "NEW-1" in login(a.spoc_police).get(url).content.decode()


def test_an_indicator_no_longer_reported_leaves_the_open_returns_when_its_blank(a):
    return_ = police_return(a)
    ours = indicator_create(
        actor=a.coordinator, partnership=a.partnership, code="NEW-1", name="New", reporting_organisations=[a.police]
    )
    indicator_update(actor=a.coordinator, indicator=ours, reporting_organisations=[a.charity])
    assert _codes(return_) == []
    assert _codes(the_return(a, a.charity, return_.period)) == ["NEW-1"]


def test_an_action_given_to_another_organisation_moves_to_its_open_return(a):
    return_ = police_return(a)
    action = make_action(a, organisation=a.police, title="Brief taxi drivers")
    assert ReturnActionUpdate.objects.filter(return_obj=return_, action=action).exists()
    actions.action_update(actor=a.coordinator, action=action, owner_organisation=a.charity)
    assert not ReturnActionUpdate.objects.filter(return_obj=return_, action=action).exists()
    charity = the_return(a, a.charity, return_.period)
    assert ReturnActionUpdate.objects.filter(return_obj=charity, action=action).exists()


def test_reopening_a_return_prepares_rows_for_indicators_added_since(a):
    return_ = submitted(a, police_return(a))
    services.return_approve(actor=a.coordinator, return_=return_)
    indicator(a, "LATE-1", reporters=[a.police])
    assert _codes(return_) == []  # an approved return is not changed
    services.return_reopen(actor=a.coordinator, return_=return_, reason="A new indicator to report")
    assert _codes(return_) == ["LATE-1"]


def test_sending_a_return_back_prepares_rows_for_indicators_added_since(a):
    return_ = submitted(a, police_return(a))
    indicator(a, "LATE-1", reporters=[a.police])
    assert _codes(return_) == []  # a submitted return is not changed
    services.return_send_back(actor=a.coordinator, return_=return_, reason="Please add LATE-1")
    assert _codes(return_) == ["LATE-1"]


def test_preparing_the_same_return_twice_gives_one_set_of_rows_and_no_error(a):
    return_ = police_return(a)
    indicator(a, "IND-1", reporters=[a.police])
    ReturnFigure.objects.filter(return_obj=return_).delete()  # as if two tabs found it unprepared
    services.return_prepare(return_=return_)
    services.return_prepare(return_=the_return(a, a.police, return_.period))
    assert _codes(return_) == ["IND-1"]


def test_rows_staged_by_a_change_of_reporters_are_audited_on_the_return_as_the_coordinators_change(a):
    from partnerships.models import AuditEvent

    return_ = police_return(a)
    indicator_create(
        actor=a.coordinator,
        partnership=a.partnership,
        code="IND-9",
        name="Victims supported",
        reporting_organisations=[a.police],
    )
    event = AuditEvent.objects.get(action="return.prepare", object_id=str(return_.pk))
    assert event.actor == a.coordinator
    assert event.changes == {"figures added": [None, ["IND-9"]]}
