"""At county size (5,000 actions) the plan page and the home panel take the same few queries.

One test, because making 5,000 actions and their history takes seconds on a shared machine.
"""

import pytest
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse

from actionplans.demo import seed_large
from actionplans.models import Action, ActionStatusChange

from .home_panels import home_panel_html

pytestmark = pytest.mark.django_db


def test_at_county_size_the_plan_and_home_page_keep_their_query_counts(a, login, django_assert_max_num_queries):
    assert seed_large(a.partnership, actions=5000, changes=10000) == 5000
    assert seed_large(a.partnership, actions=5000, changes=10000) == 0  # added once
    latest = ActionStatusChange.objects.filter(action=OuterRef("pk")).order_by("-changed_at", "-id").values("status")
    assert not Action.objects.annotate(last=Subquery(latest[:1])).exclude(status=F("last")).exists()

    client = login(a.coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("actions:plan", kwargs={"slug": a.slug}), {"page": 30, "sort": "status"})
    assert "Page 30 of 100" in response.content.decode()
    # The home page shows every app's panel (pinned as a whole in test_home.py); this is the RAG panel's share.
    with django_assert_max_num_queries(9):
        assert home_panel_html(a, a.coordinator, "actionplans.dashboard.rag_panel")
