"""A board member owns no actions, so "My actions" was always empty for them (issue 19). For a board
member or a viewer it becomes "Needs attention": the actions that are Red or past their due date and
not complete, with their owners, the ones a board asks about. Members who own actions keep "My actions"."""

import datetime as dt

import pytest
from django.urls import reverse

from actionplans import clock

from .action_helpers import make_action
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db


def _page(client, side) -> str:
    return client.get(reverse("actions:mine", kwargs={"slug": side.slug})).content.decode()


@pytest.fixture
def mixed_plan(a):
    today = clock.today()
    make_action(a, title="Red and on time", status="red", note="Stalled.", due_date=today + dt.timedelta(days=30))
    make_action(a, title="Amber and overdue", status="amber", due_date=today - dt.timedelta(days=3))
    make_action(a, title="Green and on time", due_date=today + dt.timedelta(days=30))
    make_action(a, title="Complete long ago", status="complete", due_date=today - dt.timedelta(days=60))
    return a


def test_a_board_member_sees_the_red_and_overdue_actions_with_their_owners(mixed_plan, login):
    a = mixed_plan
    page = _page(login(a.board), a)
    assert '<h1 class="h2">Actions needing attention</h1>' in page
    assert "Red and on time" in page and "Amber and overdue" in page
    assert "Green and on time" not in page and "Complete long ago" not in page
    assert a.police.name in page  # the owner, to ask


def test_the_overdue_action_comes_first(mixed_plan, login):
    page = _page(login(mixed_plan.board), mixed_plan)
    assert page.index("Amber and overdue") < page.index("Red and on time")


def test_a_viewer_gets_the_same_list(mixed_plan, login):
    page = _page(login(mixed_plan.viewer), mixed_plan)
    assert "Actions needing attention" in page and "Red and on time" in page


def test_a_board_member_is_told_when_nothing_needs_attention(a, login):
    make_action(a, title="Green and on time", due_date=clock.today() + dt.timedelta(days=30))
    page = _page(login(a.board), a)
    assert "Nothing needs attention: no action is Red or past its due date." in page


def test_the_menu_says_needs_attention_to_a_board_member_and_my_actions_to_a_spoc(a, login):
    home = reverse("partnerships:home", kwargs={"slug": a.slug})
    board_menu = login(a.board).get(home).content.decode()
    assert ">Needs attention</a>" in board_menu and ">My actions</a>" not in board_menu
    spoc_menu = login(a.spoc_police).get(home).content.decode()
    assert ">My actions</a>" in spoc_menu and ">Needs attention</a>" not in spoc_menu


def test_a_spoc_still_sees_their_organisations_actions_whatever_their_status(mixed_plan, login):
    page = _page(login(mixed_plan.spoc_police), mixed_plan)
    assert '<h1 class="h2">My actions</h1>' in page and "Green and on time" in page


def test_another_partnerships_red_actions_never_need_a_board_members_attention(a, b, login):
    make_action(b, title="Southmoor's red action", status="red", note="Stalled.")
    assert "Southmoor's red action" not in _page(login(a.board), a)


def test_the_attention_list_costs_the_same_queries_at_two_sizes(a, login):
    client = login(a.board)
    today = clock.today()
    made = []

    def grow(n):
        for _ in range(n):
            late = today - dt.timedelta(days=3)
            made.append(make_action(a, title=f"Late {len(made)}", status="red", note="Stalled.", due_date=late))

    flat_queries(grow=grow, measure=lambda: ok(client.get(reverse("actions:mine", kwargs={"slug": a.slug}))), pinned=7)
