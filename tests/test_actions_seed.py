"""The demo action plans: Northshire's actions with their history up to today, a few for Riverside, added once."""

import pytest
from django.core.management import call_command
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from actionplans.models import Action, ActionStatusChange
from indicators import demo_content

pytestmark = pytest.mark.django_db


def test_the_demo_plans_have_their_history_and_seeding_again_adds_nothing():
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    northshire = Action.objects.filter(partnership__slug="northshire")
    assert northshire.filter(recommendations__isnull=True).count() == len(demo_content.ACTIONS)
    assert Action.objects.filter(partnership__slug="riverside").count() == 5
    assert not ActionStatusChange.objects.filter(changed_at__gt=timezone.now()).exists()
    assert ActionStatusChange.objects.filter(partnership__slug="northshire").count() > 2 * northshire.count()
    latest = ActionStatusChange.objects.filter(action=OuterRef("pk")).order_by("-changed_at", "-id").values("status")
    assert not Action.objects.annotate(last=Subquery(latest[:1])).exclude(status=F("last")).exists()

    counts = (Action.objects.count(), ActionStatusChange.objects.count())
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    assert (Action.objects.count(), ActionStatusChange.objects.count()) == counts
