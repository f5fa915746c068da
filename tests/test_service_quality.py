"""Smaller service points of issue 19: the filter tile in use shows it, the SMART letters have a
key, and the LogFrame names its levels as the results chain does."""

import pytest
from django.urls import reverse

from indicators.strategy.logframe import ROWS

pytestmark = pytest.mark.django_db


def test_the_action_plans_filter_tile_in_use_is_marked_selected(a, login):
    client = login(a.coordinator)
    page = client.get(reverse("actions:plan", kwargs={"slug": a.slug}) + "?status=red").content.decode()
    assert 'class="count-tile count-red selected" aria-current="true"' in page
    assert 'class="count-tile selected"' not in page  # "All actions" is not the one in use
    unfiltered = client.get(reverse("actions:plan", kwargs={"slug": a.slug})).content.decode()
    assert 'class="count-tile selected" aria-current="true"' in unfiltered


def test_the_smart_letters_of_the_objectives_have_a_key(a, login):
    from indicators.strategy.services import objective_create

    objective_create(actor=a.coordinator, partnership=a.partnership, code="O1", title="Raise awareness")
    page = login(a.board).get(reverse("strategy:objectives", kwargs={"slug": a.slug})).content.decode()
    assert "Key to the SMART check: <strong>S</strong> specific" in page


def test_the_logframe_names_its_levels_as_the_results_chain_does():
    assert [label for label, _, _ in ROWS] == ["Impact", "Outcomes", "Outputs", "Activities"]
