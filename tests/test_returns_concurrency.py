"""Two coordinators approving the same return at the same moment give one approval, not two.

On PostgreSQL (CI) the second waits for the first's row lock, then sees the return approved and
is refused. SQLite has no row locks; there the database lock makes one of the two fail instead.
Either way exactly one approval is recorded."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection

from partnerships import services as partnership_services
from partnerships.models import Role, User
from reports.models import Return, ReturnStatus, ReturnTransition
from reports.returns import services

from .returns_cast import police_return, submitted

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_coordinators_approving_at_once_give_one_approval(world):
    a = world.a
    second = User.objects.create_user(email="second.coordinator@northvale.test", password="x", full_name="Sid Second")
    partnership_services.membership_create(actor=None, partnership=a.partnership, user=second, role=Role.COORDINATOR)
    return_ = submitted(a, police_return(a))
    version = return_.version
    barrier = threading.Barrier(2)
    outcomes = []

    def approve(actor):
        try:
            barrier.wait(timeout=5)
            services.return_approve(actor=actor, return_=Return.objects.get(pk=return_.pk), version=version)
            outcomes.append("approved")
        except (ValidationError, OperationalError) as error:
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(user,)) for user in (a.coordinator, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("approved") == 1, outcomes
    assert ReturnTransition.objects.filter(return_obj=return_, verb="approve").count() == 1
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.APPROVED
