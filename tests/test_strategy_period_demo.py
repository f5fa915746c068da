"""The demo: Northshire has a five-year strategy period, a 2018/19 baseline for its victim-identification
counts and milestones on the way to their targets; seeding again adds nothing."""

import datetime as dt

import pytest
from django.utils.module_loading import import_string

from indicators.models import Indicator, Milestone
from indicators.strategy.period import strategy_period_of
from partnerships.demo import DemoWorld

pytestmark = pytest.mark.django_db

NEEDED = (
    "partnerships.demo.seed",
    "indicators.strategy.demo.seed",
    "indicators.measurement.demo.seed",
    "indicators.strategy.demo_milestones.seed",
)


def _seed() -> DemoWorld:
    world = DemoWorld(size="normal")
    for path in NEEDED:
        import_string(path)(world)
    return world


def test_northshire_has_a_five_year_strategy_a_2018_19_baseline_and_milestones_inside_the_period():
    world = _seed()
    northshire = world.partnerships["northshire"].partnership
    period = strategy_period_of(northshire)
    assert period.length == 5
    from_2018 = Indicator.objects.filter(
        partnership=northshire, baseline_date=dt.date(2018, 4, 1), baseline_span="year"
    )
    assert from_2018.count() == 4
    milestones = list(Milestone.objects.filter(indicator__in=from_2018))
    assert len(milestones) == 12 and all(period.holds(m.due_on) for m in milestones)
    for indicator in from_2018:
        values = list(indicator.milestones.order_by("due_on").values_list("value", flat=True))
        assert indicator.baseline_value < values[0] < values[1] < values[2]  # a steady climb from the baseline

    _seed()
    assert Milestone.objects.filter(partnership=northshire).count() == 12
