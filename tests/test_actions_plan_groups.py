"""The action plan at county size (issue 19): when it runs to several pages, the page lists its groups
(strand, objective or sub-group) with each one's size and the page it starts on, keeping the filters;
a group begun on an earlier page says it is continued. The page costs the same queries at two sizes
above one page."""

import pytest
from django.urls import reverse

from actionplans import selectors
from actionplans.views.plan import PAGE_SIZE
from partnerships.models import SubGroup

from .action_helpers import make_action
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_groups(a):
    first = SubGroup.objects.create(partnership=a.partnership, name="Awareness raising")
    second = SubGroup.objects.create(partnership=a.partnership, name="Pursue and Prevent")
    for i in range(PAGE_SIZE + 5):
        make_action(a, title=f"Awareness {i:02d}", subgroup=first)
    for i in range(4):
        make_action(a, title=f"Pursue {i}", subgroup=second)
    return first, second


def _plan(client, side, **params):
    return client.get(reverse("actions:plan", kwargs={"slug": side.slug}), params).content.decode()


def test_the_groups_come_in_the_plans_order_with_their_sizes_and_where_each_starts(a, two_groups):
    first, second = two_groups
    flt = selectors.PlanFilter(group="subgroup")
    sizes = selectors.group_sizes(selectors.plan(a.partnership, flt), "subgroup")
    plan_order = []
    for action in selectors.plan(a.partnership, flt):
        if not plan_order or plan_order[-1] != action.subgroup_id:
            plan_order.append(action.subgroup_id)
    assert [s.key for s in sizes] == [f"subgroup-{pk if pk else 'none'}" for pk in plan_order]
    by_key = {s.key: s for s in sizes}
    assert (by_key[f"subgroup-{first.pk}"].label, by_key[f"subgroup-{first.pk}"].count) == ("Awareness raising", 55)
    assert (by_key[f"subgroup-{second.pk}"].first, by_key[f"subgroup-{second.pk}"].count) == (55, 4)
    starts = [s.first for s in sizes]
    assert starts == [sum(s.count for s in sizes[:i]) for i in range(len(sizes))]


def test_a_plan_of_several_pages_links_each_group_to_the_page_it_starts_on_keeping_the_filters(a, login, two_groups):
    first, second = two_groups
    page = _plan(login(a.coordinator), a, group="subgroup", organisation=a.police.pk)
    assert "the plan runs to 2 pages" in page
    start = selectors.group_sizes(
        selectors.plan(a.partnership, selectors.PlanFilter(group="subgroup", organisation=a.police.pk)), "subgroup"
    )
    second_start = next(s.first for s in start if s.key == f"subgroup-{second.pk}")
    expected_page = second_start // PAGE_SIZE + 1
    assert f"?group=subgroup&amp;organisation={a.police.pk}&amp;page={expected_page}#subgroup-{second.pk}" in page


def test_a_group_begun_on_the_page_before_says_it_is_continued(a, login, two_groups):
    first, _ = two_groups
    client = login(a.coordinator)
    page_one = _plan(client, a, group="subgroup")
    page_two = _plan(client, a, group="subgroup", page=2)
    continued = "(continued from the page before)"
    heading_on_two = page_two.split(f'id="subgroup-{first.pk}"', 1)[1].split("</th>", 1)[0]
    assert "Awareness raising" in heading_on_two and continued in heading_on_two
    assert continued not in page_one


def test_actions_without_a_group_are_listed_under_no_sub_group(a):
    make_action(a, title="Nobody's yet")
    sizes = selectors.group_sizes(selectors.plan(a.partnership), "subgroup")
    assert [(s.key, s.label, s.count) for s in sizes] == [("subgroup-none", "No sub-group", 1)]


def test_a_plan_of_one_page_has_no_list_of_groups(a, login):
    make_action(a, title="Only one")
    assert "plan-contents" not in _plan(login(a.coordinator), a)


def test_the_plan_page_at_size_takes_the_same_queries_at_two_sizes(a, login):
    group = SubGroup.objects.create(partnership=a.partnership, name="Big group")
    client = login(a.coordinator)
    made = []

    def grow(n):
        for _ in range(n):
            made.append(make_action(a, title=f"Action {len(made)}", subgroup=group))

    flat_queries(
        grow=grow,
        measure=lambda: ok(client.get(reverse("actions:plan", kwargs={"slug": a.slug}), {"group": "subgroup"})),
        pinned=13,
        small=PAGE_SIZE + 2,
        big=PAGE_SIZE,
    )
