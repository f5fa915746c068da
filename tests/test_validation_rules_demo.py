"""The demo keeps its own validation rules: no breach in Northshire or Riverside."""

import pytest
from django.core.management import call_command

from indicators.measurement.validation_rules import partnership_breaches
from indicators.models import ValidationRule
from partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def test_the_demo_has_its_library_rules_and_breaks_none_of_them(capsys):
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    northshire = Partnership.objects.get(slug="northshire")
    codes = set(ValidationRule.objects.filter(partnership=northshire).values_list("library_code", flat=True))
    assert {"R01", "R02", "R03"} <= codes
    for partnership in Partnership.objects.all():
        _, breaches = partnership_breaches(partnership)
        assert "\n".join(b.sentence for b in breaches) == "", partnership.slug
