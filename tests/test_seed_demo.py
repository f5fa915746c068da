"""The demo seeder: one command, safe to run twice, prints a login per role."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from indicators.models import Assumption, OutcomeHarvest, PlanStatement
from partnerships.models import AuditEvent, Membership, Organisation, Partnership, Role, User
from reports.models import Return

pytestmark = pytest.mark.django_db


def _seed(capsys, *args):
    call_command("seed_demo", "--allow-production", *args)
    return capsys.readouterr().out


def _counts():
    return tuple(m.objects.count() for m in (Partnership, Organisation, User, Membership, AuditEvent))


def test_seeding_twice_changes_nothing_the_second_time(capsys):
    first = _seed(capsys)
    counts = _counts()
    second = _seed(capsys)
    assert _counts() == counts
    assert first == second


def test_the_logins_cover_every_role_in_each_partnership(capsys):
    out = _seed(capsys)
    for partnership in Partnership.objects.all():
        roles = set(Membership.objects.filter(partnership=partnership).values_list("role", flat=True))
        assert roles == set(Role.values), partnership
    for email in (
        "coordinator@northshire.example",
        "spoc1@northshire.example",
        "board@northshire.example",
        "viewer@northshire.example",
        "coordinator@riverside.example",
    ):
        assert email in out


def test_the_seeder_refuses_production_without_the_flag(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="looks like production"):
        call_command("seed_demo")


def test_the_large_size_adds_a_county_sized_partnership(capsys):
    _seed(capsys, "--size", "large", "--quiet-logins")
    westmoor = Partnership.objects.get(slug="westmoor")
    assert Organisation.objects.filter(partnership=westmoor).count() == 60
    assert Membership.objects.filter(partnership=westmoor, role=Role.SPOC).count() == 60
    # Enough of a year for the annual report to have something in every section
    assert PlanStatement.objects.get(partnership=westmoor).vision.startswith("A county where no one is bought")
    assert not Assumption.objects.filter(partnership=westmoor, statement__icontains="Northshire").exists()
    outcomes = OutcomeHarvest.objects.filter(partnership=westmoor).select_related("objective")
    assert sorted(o.objective.code for o in outcomes) == ["W04", "W05", "W07"]
    returns = Return.objects.filter(partnership=westmoor).exclude(progress="")
    assert returns.values("organisation").distinct().count() == 60
    assert returns.values("progress").distinct().count() >= 10  # worded by sector, not one sentence
    year_end = returns.exclude(key_achievements="")
    assert year_end.exists() and all(r.key_achievements != r.progress for r in year_end)
