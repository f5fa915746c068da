"""An indicator adopted before the library moved its suggested targets out of its names loses the
words "(target: at least 80%)" from its name, and the number becomes its whole-plan target unless
it has one already: the data migration, run on today's models."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps

from indicators.measurement import services
from indicators.models import Indicator, Target
from partnerships.models import AuditEvent

pytestmark = pytest.mark.django_db

migration = importlib.import_module("indicators.migrations.0010_targets_out_of_names")


def _indicator(side, code, name):
    indicator = services.indicator_create(
        actor=side.coordinator,
        partnership=side.partnership,
        reporting_organisations=[side.charity],
        code=code,
        name="placeholder",
        type="outcome",
        unit="percentage",
        direction="higher",
        frequency="quarterly",
    )
    Indicator.objects.filter(pk=indicator.pk).update(name=name)  # as an older library wrote it
    return indicator


def test_the_words_leave_the_name_and_the_number_becomes_the_whole_plan_target(a):
    plan = _indicator(a, "O7-04", "Clients with a written support plan (target: at least 80%)")
    updates = _indicator(a, "O7-24", "Programme updates based on client feedback (target: at least three in years 1-2)")
    migration.move_targets_out_of_names(apps, None)
    plan.refresh_from_db(), updates.refresh_from_db()
    assert plan.name == "Clients with a written support plan"
    assert updates.name == "Programme updates based on client feedback"
    assert Target.objects.get(indicator=plan, period__isnull=True).value == Decimal(80)
    assert Target.objects.get(indicator=updates, period__isnull=True).value == Decimal(3)
    event = AuditEvent.objects.get(action="indicator.target_out_of_name", object_id=str(plan.pk))
    assert event.changes["name"] == ["Clients with a written support plan (target: at least 80%)", plan.name]
    assert event.partnership == a.partnership


def test_a_whole_plan_target_already_set_is_kept_and_other_names_are_left_alone(a):
    housed = _indicator(a, "O7-23", "Clients with stable housing (target: at least 70%)")
    services.target_set(actor=a.coordinator, indicator=housed, period=None, value="65")
    plain = _indicator(a, "X-1", "Survivors told about the (target: national) helpline")
    migration.move_targets_out_of_names(apps, None)
    housed.refresh_from_db(), plain.refresh_from_db()
    assert housed.name == "Clients with stable housing"
    assert Target.objects.get(indicator=housed, period__isnull=True).value == Decimal(65)
    assert plain.name == "Survivors told about the (target: national) helpline"
    assert not Target.objects.filter(indicator=plain).exists()
