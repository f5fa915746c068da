"""The demo seeder gives Northshire a year of returns in every state, and adds nothing the
second time."""

import pytest
from django.core.management import call_command

from indicators.models import Figure, FigureSource, PeriodStatus
from partnerships.models import Partnership
from reports.models import Return, ReturnActionUpdate, ReturnTransition

pytestmark = pytest.mark.django_db


def test_northshire_gets_a_year_of_returns_in_every_state_and_seeding_again_adds_nothing(capsys):
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    northshire = Partnership.objects.get(slug="northshire")
    returns = Return.objects.filter(partnership=northshire)
    assert len(set(returns.values_list("period_id", flat=True))) >= 5  # the last five, and any the indicators opened
    states = set(returns.values_list("status", flat=True))
    assert states == {"draft", "submitted", "returned", "approved"}
    assert returns.filter(status="draft", started_at__isnull=True).exists()  # not started
    assert returns.filter(status="draft", started_at__isnull=False).exists()  # being written
    late = [r for r in returns if r.first_submitted_at and r.first_submitted_at.date() > r.due_date]
    assert late, "some returns arrived late, for the timeliness chart"
    locked = returns.filter(period__status=PeriodStatus.LOCKED)
    assert locked.filter(status="approved").exists(), "returns of locked quarters are approved too"
    assert not Figure.objects.filter(period__status=PeriodStatus.LOCKED, source=FigureSource.RETURN).exists()
    assert ReturnActionUpdate.objects.filter(return_obj__partnership=northshire).exclude(status="").exists()
    counts = (returns.count(), ReturnTransition.objects.count(), Figure.objects.count())
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    assert (returns.count(), ReturnTransition.objects.count(), Figure.objects.count()) == counts
