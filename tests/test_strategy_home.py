"""The plan panel on the partnership home page, and the seeder's strategy part."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from indicators.models import Assumption, Objective, ResultsChainEntry, Risk, Strand
from partnerships.models import AuditEvent, Partnership

from . import strategy_world as sw

pytestmark = pytest.mark.django_db


def test_the_home_page_sums_up_the_plan_for_every_member(a, login):
    sw.objective(a)
    sw.risk(a, likelihood=5, impact=4)
    sw.risk(a, likelihood=1, impact=1, status="closed")
    page = login(a.viewer).get(reverse("partnerships:home", args=[a.slug])).content.decode()
    assert "The plan" in page
    assert 'fw-semibold">1</span>fail a SMART check' in page
    assert 'fw-semibold">1</span>very high risks of 1 open' in page
    assert "0 of 8</span>development goals done" in page


def test_the_seeder_writes_a_credible_plan_once(capsys):
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    northshire = Partnership.objects.get(slug="northshire")
    counts = (
        Objective.objects.filter(partnership=northshire).count(),
        Assumption.objects.filter(partnership=northshire).count(),
        Risk.objects.filter(partnership=northshire).count(),
    )
    assert counts == (8, 6, 10)
    for strand in Strand.objects.filter(partnership=northshire):
        assert Objective.objects.filter(strand=strand).count() == 2, strand
    for objective in Objective.objects.filter(partnership=northshire):
        levels = set(ResultsChainEntry.objects.filter(objective=objective).values_list("level", flat=True))
        assert levels == {1, 2, 3, 4, 5}, objective
    assert Objective.objects.filter(partnership__slug="riverside").count() == 4
    before = (ResultsChainEntry.objects.count(), AuditEvent.objects.count())
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    assert (ResultsChainEntry.objects.count(), AuditEvent.objects.count()) == before
