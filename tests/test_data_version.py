"""Cached pages follow the data: every write through a service changes the partnership's data version,
so the home page's panels and the health page show it on the next visit (aspm/data_version.py)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans import services as actions
from aspm import data_version
from indicators.measurement.services.indicators import indicator_update
from partnerships import audit
from partnerships.models import AttendanceStatus
from reports.returns import services as return_services

from . import returns_cast
from .api_helpers import bearer, token_for
from .health_helpers import everyone, meeting
from .measurement_helpers import figure, periods, referrals
from .strategy_world import risk

pytestmark = pytest.mark.django_db


def _panel(client, side, template: str) -> dict:
    response = client.get(reverse("partnerships:home", kwargs={"slug": side.slug}))
    assert response.status_code == 200
    return next(p["context"] for p in response.context["panels"] if p["template"] == template)


def _action(side, title: str = "Train frontline staff"):
    return actions.action_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title=title,
        owner_organisation=side.police,
        start_date=dt.date(2026, 4, 1),
        due_date=dt.date(2027, 3, 31),
    )


def _health(client, side) -> str:
    return client.get(reverse("health:page", kwargs={"slug": side.slug})).content.decode()


def test_the_home_page_shows_an_action_turned_red_after_the_panel_was_cached(a, login):
    action = _action(a)
    client = login(a.board)
    assert _panel(client, a, "actionplans/panel.html")["counts"]["red"] == 0
    assert _panel(client, a, "actionplans/panel.html")["counts"]["red"] == 0  # served from the cache
    actions.action_set_status(actor=a.coordinator, action=action, status="red", note="The trainer left.")
    assert _panel(client, a, "actionplans/panel.html")["counts"]["red"] == 1


def test_the_home_page_shows_a_new_risk_after_the_panel_was_cached(a, login):
    client = login(a.coordinator)
    before = _panel(client, a, "strategy/_panel.html")["risks"]["total"]
    risk(a)
    assert _panel(client, a, "strategy/_panel.html")["risks"]["total"] == before + 1


def test_the_health_page_shows_a_meeting_recorded_after_it_was_cached(a, login):
    client = login(a.viewer)
    assert "66.7%" not in _health(client, a)
    meeting(a, dt.date.today(), everyone(a, council=AttendanceStatus.ABSENT))  # 2 of 3 present
    assert "66.7%" in _health(client, a)


def test_members_share_a_cached_page_and_partnerships_never_do(a, b, login):
    _action(a)
    first, second = login(a.coordinator), login(a.board)
    with CaptureQueriesContext(connection) as computed:
        assert _panel(first, a, "actionplans/panel.html")["counts"]["total"] == 1
    with CaptureQueriesContext(connection) as cached:
        assert _panel(second, a, "actionplans/panel.html")["counts"]["total"] == 1
    assert len(cached) < len(computed)
    assert _panel(login(b.coordinator), b, "actionplans/panel.html")["counts"]["total"] == 0


def test_a_write_changes_the_version_at_once_and_again_when_it_commits(a, django_capture_on_commit_callbacks):
    before = data_version.current(a.partnership)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _action(a)
        during = data_version.current(a.partnership)
    after = data_version.current(a.partnership)
    assert len({before, during, after}) == 3
    assert callbacks, "the version changes again after the commit"


def test_a_write_in_one_partnership_keeps_the_others_version(a, b):
    before = data_version.current(b.partnership)
    _action(a)
    assert data_version.current(b.partnership) == before


def test_the_results_table_shows_a_figure_recorded_after_it_was_cached(a, login):
    referrals(a)
    periods(a)
    client = login(a.board)
    url = reverse("indicators:results", kwargs={"slug": a.slug})
    assert ">4<" not in client.get(url).content.decode()
    figure(a)  # the police report 4 referrals in Q1
    assert ">4<" in client.get(url).content.decode()


def test_a_search_of_the_results_table_is_not_kept_in_the_cache(a, login):
    referrals(a)
    periods(a)
    client = login(a.board)
    client.get(reverse("indicators:results", kwargs={"slug": a.slug}) + "?q=referred")
    assert not [k for k in cache._cache if "results-table" in k]


def test_the_api_list_of_indicators_shows_a_renamed_indicator_after_it_was_cached(a, client):
    indicator = referrals(a)
    headers = bearer(token_for(a.board))
    url = f"/api/v1/p/{a.slug}/indicators/?page_size=100"
    assert client.get(url, **headers).json()["results"][0]["name"] == indicator.name
    indicator_update(actor=a.coordinator, indicator=indicator, name="People referred to the NRM")
    assert client.get(url, **headers).json()["results"][0]["name"] == "People referred to the NRM"
    filtered = client.get(f"{url}&code=REF-1", **headers).json()["results"]
    assert [i["name"] for i in filtered] == ["People referred to the NRM"]


def test_a_bulk_change_audited_row_by_row_changes_the_version(a):
    before = data_version.current(a.partnership)
    audit.record_many(actor=a.coordinator, partnership=a.partnership, events=[{"action": "figure.update"}])
    assert data_version.current(a.partnership) != before


def test_the_coordinators_waiting_panel_shows_a_return_submitted_after_it_was_cached(a, login):
    return_ = returns_cast.police_return(a)
    client = login(a.coordinator)
    assert _panel(client, a, "reports/home_waiting.html")["waiting"] == 0
    assert _panel(client, a, "reports/home_waiting.html")["waiting"] == 0  # served from the cache
    returns_cast.submitted(a, return_)
    assert _panel(client, a, "reports/home_waiting.html")["waiting"] == 1


def test_a_returns_task_list_shows_the_narrative_completed_after_it_was_cached(a, login):
    return_ = returns_cast.police_return(a)
    client = login(a.spoc_police)
    url = reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk})

    def narrative_status() -> str:
        page = client.get(url).content.decode()
        return page.split('id="task-narrative-status">', 1)[1].split("<", 1)[0]

    assert narrative_status() == "Not started"
    assert narrative_status() == "Not started"  # served from the cache
    return_services.return_save_draft(actor=a.spoc_police, return_=return_, narrative=returns_cast.NARRATIVE)
    assert narrative_status() == "Completed"


def test_a_returns_read_only_page_shows_the_narrative_saved_after_it_was_cached(a, login):
    return_ = returns_cast.police_return(a)
    client = login(a.board)
    url = reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk})
    progress = returns_cast.NARRATIVE["progress"]
    assert progress not in client.get(url).content.decode()
    assert progress not in client.get(url).content.decode()  # served from the cache
    return_services.return_save_draft(actor=a.spoc_police, return_=return_, narrative=returns_cast.NARRATIVE)
    assert progress in client.get(url).content.decode()
