"""A partnership always keeps a coordinator, even when two coordinators demote or remove each other at once.

Role changes and removals lock the partnership's row before they count its coordinators, so the
second change waits for the first and then sees what it left. The threaded tests need row locks:
they run on PostgreSQL (CI sets DATABASE_URL) and are skipped on SQLite.
"""

import contextlib
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from partnerships import services
from partnerships.models import Membership, Role, User

needs_row_locks = pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="SQLite has no row locks (a write locks the whole database): the race needs PostgreSQL, as in CI",
)


def _second_coordinator(a) -> Membership:
    second = User.objects.create_user(email="second.coordinator@northvale.test", password="x", full_name="Sid Second")
    return services.membership_create(actor=None, partnership=a.partnership, user=second, role=Role.COORDINATOR)


def _coordinators(a) -> int:
    return Membership.objects.filter(partnership=a.partnership, role=Role.COORDINATOR).count()


@pytest.mark.django_db
def test_the_last_coordinator_cannot_be_made_a_viewer_or_removed(a):
    mine = Membership.objects.get(partnership=a.partnership, user=a.coordinator)
    with pytest.raises(ValidationError, match="last coordinator"):
        services.membership_change_role(actor=a.coordinator, membership=mine, role=Role.VIEWER)
    with pytest.raises(ValidationError, match="last coordinator"):
        services.membership_remove(actor=a.coordinator, membership=mine)
    assert _coordinators(a) == 1


@pytest.mark.django_db
def test_one_of_two_coordinators_may_step_down_and_then_the_other_may_not(a):
    mine = Membership.objects.get(partnership=a.partnership, user=a.coordinator)
    theirs = _second_coordinator(a)
    services.membership_change_role(actor=a.coordinator, membership=theirs, role=Role.VIEWER)
    with pytest.raises(ValidationError, match="last coordinator"):
        services.membership_change_role(actor=theirs.user, membership=mine, role=Role.VIEWER)
    assert _coordinators(a) == 1


def _at_once(monkeypatch, first, second):
    """Run ``first`` and ``second`` on two threads, both held just after counting the coordinators.

    Before the fix both counted two coordinators, both were let through, and both wrote. With the
    partnership locked before the count, the second cannot reach the count while the first holds
    the lock: the first's wait gives up (the barrier breaks), it writes and commits, and the second
    then counts one coordinator and is refused.
    """
    barrier = threading.Barrier(2)
    real_check = services._check_not_last_coordinator

    def held_after_counting(membership):
        real_check(membership)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=3)

    monkeypatch.setattr(services, "_check_not_last_coordinator", held_after_counting)
    outcomes = []

    def run(change):
        try:
            change()
            outcomes.append("done")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(change,)) for change in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@needs_row_locks
@pytest.mark.django_db(transaction=True)
def test_a_partnership_always_keeps_a_coordinator_when_two_demote_each_other_at_once(world, monkeypatch):
    a = world.a
    mine = Membership.objects.get(partnership=a.partnership, user=a.coordinator)
    theirs = _second_coordinator(a)
    outcomes = _at_once(
        monkeypatch,
        lambda: services.membership_change_role(actor=a.coordinator, membership=theirs, role=Role.VIEWER),
        lambda: services.membership_change_role(actor=theirs.user, membership=mine, role=Role.BOARD),
    )
    assert sorted(outcomes) == [
        "This is the partnership's last coordinator. Make someone else a coordinator first.",
        "done",
    ]
    assert _coordinators(a) == 1


@needs_row_locks
@pytest.mark.django_db(transaction=True)
def test_a_partnership_always_keeps_a_coordinator_when_one_is_demoted_as_the_other_is_removed(world, monkeypatch):
    a = world.a
    mine = Membership.objects.get(partnership=a.partnership, user=a.coordinator)
    theirs = _second_coordinator(a)
    outcomes = _at_once(
        monkeypatch,
        lambda: services.membership_remove(actor=a.coordinator, membership=theirs),
        lambda: services.membership_change_role(actor=theirs.user, membership=mine, role=Role.VIEWER),
    )
    assert outcomes.count("done") == 1, outcomes
    assert _coordinators(a) == 1
