"""Two SPOC assignments to one organisation at once: one is kept, the other is told why, never a 500.

Member changes lock the partnership's row before their checks (PostgreSQL: the second waits, then its
check refuses it). Where there are no row locks (SQLite) both pass the checks and the second insert
breaks the one-SPOC constraint; the IntegrityError is turned into the same message.
"""

import contextlib
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from partnerships import services
from partnerships.models import Membership, Role

pytestmark = pytest.mark.django_db(transaction=True)

TAKEN = "Change that member's role first: each organisation has one SPOC."


def _both_at_once(monkeypatch, *changes):
    """Run the changes on threads, each held just after checking that the organisation has no SPOC."""
    barrier = threading.Barrier(len(changes))
    real_check = services._check_spoc_free

    def held_after_checking(organisation, role, exclude_pk=None):
        real_check(organisation, role, exclude_pk=exclude_pk)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=3)

    monkeypatch.setattr(services, "_check_spoc_free", held_after_checking)
    outcomes = []

    def run(change):
        try:
            change()
            outcomes.append("done")
        except ValidationError as error:
            outcomes.append(error.message_dict["organisation"][0])
        except Exception as error:  # noqa: BLE001 - the test reports what a person would have got
            outcomes.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(change,)) for change in changes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_spoc_assignments_to_one_organisation_at_once_keep_one_and_tell_the_other(world, monkeypatch):
    a = world.a
    shelter = services.organisation_create(actor=None, partnership=a.partnership, name="Harbour Shelter", sector="ngo")
    board = Membership.objects.get(partnership=a.partnership, user=a.board)
    viewer = Membership.objects.get(partnership=a.partnership, user=a.viewer)
    outcomes = _both_at_once(
        monkeypatch,
        lambda: services.membership_change_role(
            actor=a.coordinator, membership=board, role=Role.SPOC, organisation=shelter
        ),
        lambda: services.membership_change_role(
            actor=a.coordinator, membership=viewer, role=Role.SPOC, organisation=shelter
        ),
    )
    assert outcomes.count("done") == 1, outcomes
    refused = next(o for o in outcomes if o != "done")
    assert refused.startswith("Harbour Shelter already has a SPOC") and refused.endswith(TAKEN), outcomes
    assert Membership.objects.filter(organisation=shelter, role=Role.SPOC).count() == 1


def test_a_member_made_spoc_as_someone_joins_as_its_spoc_keeps_one_and_tells_the_other(world, monkeypatch):
    from partnerships.models import User

    a = world.a
    shelter = services.organisation_create(actor=None, partnership=a.partnership, name="Harbour Shelter", sector="ngo")
    newcomer = User.objects.create_user(email="new.spoc@northvale.test", password="x", full_name="Nia New")
    viewer = Membership.objects.get(partnership=a.partnership, user=a.viewer)
    outcomes = _both_at_once(
        monkeypatch,
        lambda: services.membership_create(
            actor=a.coordinator, partnership=a.partnership, user=newcomer, role=Role.SPOC, organisation=shelter
        ),
        lambda: services.membership_change_role(
            actor=a.coordinator, membership=viewer, role=Role.SPOC, organisation=shelter
        ),
    )
    assert outcomes.count("done") == 1, outcomes
    assert any(o.endswith(TAKEN) for o in outcomes), outcomes
    assert Membership.objects.filter(organisation=shelter, role=Role.SPOC).count() == 1
