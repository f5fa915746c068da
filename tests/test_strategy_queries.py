"""Strategy pages keep a constant number of queries as the plan grows to the large demo size
(40 objectives with full chains, 200 chain entries, 60 risks: the Westmoor seeder)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from indicators.models import Objective, ResultsChainEntry, Risk
from indicators.strategy.demo import _financial_year_start, _seed_large

from . import strategy_world as sw

pytestmark = pytest.mark.django_db

# url name -> the most queries the page may make (session, user, membership and the page's own reads)
PAGES = {
    "objectives": 12,
    "risks": 10,
    "logframe": 12,
    "logframe_xlsx": 10,
    "plan": 10,
    "strands": 10,
    "subgroups": 10,
    "goals": 9,
}


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _small_plan(side):
    chain = sw.chain(side)
    sw.measured(side, chain[1].objective)
    sw.risk(side, objectives=[chain[1].objective])
    sw.subgroup(side)
    sw.assumption(side)  # the large seeder writes assumptions too; an empty list skips a query


def test_each_page_makes_as_many_queries_at_the_large_size_as_for_a_small_plan(a, login):
    _small_plan(a)
    client = login(a.coordinator)
    urls = {name: reverse(f"strategy:{name}", args=[a.slug]) for name in PAGES}
    small = {name: _count(client, url) for name, url in urls.items()}
    today = timezone.localdate()
    _seed_large(a.partnership, _financial_year_start(today), today)
    for objective in Objective.objects.filter(partnership=a.partnership, indicators__isnull=True)[:40]:
        sw.measured(a, objective)
    assert Objective.objects.filter(partnership=a.partnership).count() >= 40
    assert ResultsChainEntry.objects.filter(partnership=a.partnership).count() >= 200
    assert Risk.objects.filter(partnership=a.partnership).count() >= 60
    large = {name: _count(client, url) for name, url in urls.items()}
    assert large == small, f"queries for a small plan {small}, at the large size {large}"
    print("strategy page queries at the large size:", large)
    over = {name: n for name, n in large.items() if n > PAGES[name]}
    assert over == {}, f"more queries than pinned: {over}"


def test_an_objective_page_at_the_large_size_stays_within_its_queries(a, login, django_assert_max_num_queries):
    today = timezone.localdate()
    _seed_large(a.partnership, _financial_year_start(today), today)
    objective = Objective.objects.filter(partnership=a.partnership).first()
    client = login(a.coordinator)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("strategy:objective_detail", args=[a.slug, objective.pk])).status_code == 200
