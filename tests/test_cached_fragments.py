"""Parts of a page kept until the partnership's data changes (aspm.fragments): a change shows at
once, what one role may do is never drawn for another, and nothing of the person asking (their
form token, their name) can be kept for someone else."""

from pathlib import Path

import pytest
from django.test import RequestFactory

from actionplans import services as action_services
from aspm.fragments import FragmentError, cached_fragments
from indicators.measurement import services

from .action_helpers import make_action
from .measurement_helpers import periods, referrals


def _page(client, login, user, indicator):
    login(user)
    response = client.get(f"/p/{indicator.partnership.slug}/indicators/{indicator.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_figure_recorded_after_the_page_was_drawn_shows_on_the_next_visit(a, client, login):
    indicator, q1 = referrals(a), periods(a)["q1"]
    before = _page(client, login, a.board, indicator)
    assert "No figures yet." in before
    services.figure_record(
        actor=a.spoc_police, indicator=indicator, period=q1, organisation=a.police, value="17", breakdown={}
    )
    after = _page(client, login, a.board, indicator)
    assert "No figures yet." not in after
    assert ">17<" in after.replace(" ", "")


def test_the_coordinators_correct_buttons_are_never_shown_to_the_board_member_who_asks_next(a, client, login):
    indicator, q1 = referrals(a), periods(a)["q1"]
    services.figure_record(
        actor=a.spoc_police, indicator=indicator, period=q1, organisation=a.police, value="17", breakdown={}
    )
    assert "/correct/" in _page(client, login, a.coordinator, indicator)
    assert "/correct/" not in _page(client, login, a.board, indicator)
    assert "/correct/" in _page(client, login, a.coordinator, indicator)


def test_the_milestone_forms_stay_outside_the_kept_parts_and_carry_each_persons_own_token(a, client, login):
    indicator = referrals(a)
    page = _page(client, login, a.coordinator, indicator)
    assert page.count("csrfmiddlewaretoken") >= 1
    assert client.cookies["csrftoken"].value  # the form's token is this session's


def _request(side):
    request = RequestFactory().get("/")
    request.partnership = side.partnership
    request.membership = side.memberships["coordinator"]
    return request


def test_a_fragment_that_draws_a_form_is_refused(a, tmp_path, settings):
    (tmp_path / "form.html").write_text('<form method="post">{% csrf_token %}</form><input name="csrfmiddlewaretoken">')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    with pytest.raises(FragmentError):
        cached_fragments(_request(a), "test-form", {"body": "form.html"}, dict)


def test_a_fragment_knows_nothing_of_the_person_asking(a, tmp_path, settings):
    (tmp_path / "who.html").write_text("[{{ user }}|{{ request }}|{{ membership.role }}]")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    drawn = cached_fragments(_request(a), "test-who", {"body": "who.html"}, dict)
    assert drawn["body"] == "[||coordinator]"


def test_a_fragment_is_drawn_once_until_the_data_changes(a):
    calls = []

    def build():
        calls.append(1)
        return {}

    for _ in range(3):
        cached_fragments(_request(a), "test-once", {"body": "includes/year_window.html"}, build)
    assert len(calls) == 1
    referrals(a)  # a write through the services: the partnership's data changed
    cached_fragments(_request(a), "test-once", {"body": "includes/year_window.html"}, build)
    assert len(calls) == 2


def test_the_indicator_pages_kept_parts_hold_no_form():
    kept = Path(__file__).resolve().parent.parent / "templates" / "indicators"
    for name in ("_indicator_progress", "_indicator_charts", "_indicator_milestone_chart", "_indicator_history"):
        assert "csrf_token" not in (kept / f"{name}.html").read_text(), name


def _plan(client, login, user, side, query=""):
    login(user)
    response = client.get(f"/p/{side.slug}/actions/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_an_action_turned_red_shows_red_on_the_plan_at_once(a, client, login):
    action = make_action(a, title="Train licensing officers")
    assert 'data-sort-value="red"' not in _plan(client, login, a.board, a)
    action_services.action_set_status(actor=a.coordinator, action=action, status="red", note="The trainer left.")
    assert 'data-sort-value="red"' in _plan(client, login, a.board, a)


def test_a_spoc_may_tick_only_their_own_organisations_actions_whoever_looked_first(a, client, login):
    ours = make_action(a, title="Police action", organisation=a.police)
    theirs = make_action(a, title="Charity action", organisation=a.charity)
    coordinator_page = _plan(client, login, a.coordinator, a)
    assert f'id="pick-{ours.pk}"' in coordinator_page and f'id="pick-{theirs.pk}"' in coordinator_page
    spoc_page = _plan(client, login, a.spoc_police, a)
    assert f'id="pick-{ours.pk}"' in spoc_page and f'id="pick-{theirs.pk}"' not in spoc_page
    charity_page = _plan(client, login, a.spoc_charity, a)
    assert f'id="pick-{theirs.pk}"' in charity_page and f'id="pick-{ours.pk}"' not in charity_page
    assert 'id="bulk-form"' not in _plan(client, login, a.board, a)


def test_a_search_of_the_plan_is_answered_but_not_kept(a, client, login):
    make_action(a, title="Train licensing officers")
    from django.core.cache import cache

    kept = [k for k in cache._cache if "fragment:action-plan" in k]  # the tests' local-memory cache
    page = _plan(client, login, a.coordinator, a, "?q=licensing")
    assert "Train licensing officers" in page
    assert [k for k in cache._cache if "fragment:action-plan" in k] == kept
    _plan(client, login, a.coordinator, a)
    assert len([k for k in cache._cache if "fragment:action-plan" in k]) == len(kept) + 1
