"""The demo recommendations register: Northshire's seven, answered and moved along, added once."""

import pytest
from django.core.management import call_command

from actionplans.learning.models import Recommendation, RecommendationChange, RecStatus

pytestmark = pytest.mark.django_db


def test_northshire_has_seven_recommendations_at_every_stage_and_seeding_again_adds_nothing():
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    northshire = Recommendation.objects.filter(partnership__slug="northshire")
    assert northshire.count() == 7
    assert set(northshire.values_list("status", flat=True)) >= {
        RecStatus.AWAITING,
        RecStatus.DONE,
        RecStatus.BEHIND,
        RecStatus.NOT_TAKEN,
        RecStatus.IN_PROGRESS,
    }
    raised = northshire.filter(actions__isnull=False).distinct()
    assert raised.count() == 4
    counts = (Recommendation.objects.count(), RecommendationChange.objects.count())
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    assert (Recommendation.objects.count(), RecommendationChange.objects.count()) == counts
