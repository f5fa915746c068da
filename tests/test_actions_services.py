"""The action services refuse bad input with plain messages, keep every status in order, and audit."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from actionplans import services
from actionplans.models import Action, ActionStatusChange
from indicators.models import Objective, Strand
from partnerships.models import AuditEvent, SubGroup

from .action_helpers import START, make_action

pytestmark = pytest.mark.django_db


def test_an_action_due_before_it_starts_is_refused_and_nothing_is_saved(a):
    with pytest.raises(ValidationError) as error:
        make_action(a, start_date=START, due_date=START - dt.timedelta(days=1))
    assert "before the start date" in str(error.value.message_dict["due_date"])
    assert not Action.objects.exists()
    assert not ActionStatusChange.objects.exists()


def test_an_owner_organisation_of_another_partnership_is_refused(a, b):
    with pytest.raises(ValidationError, match="not part of this partnership"):
        make_action(a, organisation=b.police)
    assert not Action.objects.exists()


def test_an_owner_person_of_another_partnership_is_refused(a, b):
    with pytest.raises(ValidationError, match="not part of this partnership"):
        make_action(a, owner_person=b.memberships["coordinator"])


def test_a_spoc_of_another_organisation_cannot_be_the_owner_person(a):
    with pytest.raises(ValidationError) as error:
        make_action(a, organisation=a.police, owner_person=a.memberships["spoc_charity"])
    assert "owner_person" in error.value.message_dict


def test_an_update_cannot_link_another_partnerships_subgroup(a, b):
    action = make_action(a)
    theirs = SubGroup.objects.create(partnership=b.partnership, name="Their group")
    with pytest.raises(ValidationError, match="not part of this partnership"):
        services.action_update(actor=a.coordinator, action=action, subgroup=theirs)
    action.refresh_from_db()
    assert action.subgroup is None


def test_the_strand_follows_the_objective(a):
    # Every partnership starts with the 4Ps.
    protect = Strand.objects.get(partnership=a.partnership, code="protect")
    pursue = Strand.objects.get(partnership=a.partnership, code="pursue")
    objective = Objective.objects.create(partnership=a.partnership, code="OBJ5", title="Support", strand=protect)
    action = make_action(a, objective=objective, strand=pursue)
    assert action.strand == protect


def test_a_change_to_red_needs_a_note(a):
    action = make_action(a)
    with pytest.raises(ValidationError) as error:
        services.action_set_status(actor=a.coordinator, action=action, status="red", note="   ")
    assert "note" in error.value.message_dict
    action.refresh_from_db()
    assert action.status == "green"
    assert action.history.count() == 1


def test_an_unknown_status_is_refused(a):
    action = make_action(a)
    with pytest.raises(ValidationError, match="is not a status"):
        services.action_set_status(actor=a.coordinator, action=action, status="purple", note="x")
    with pytest.raises(ValidationError, match="is not a status"):
        make_action(a, title="Another", status="blue")


def test_a_status_change_is_kept_in_the_history_and_audited(a):
    action = make_action(a)
    services.action_set_status(actor=a.spoc_police, action=action, status="amber", note="Trainer ill")
    action.refresh_from_db()
    assert action.status == "amber"
    assert list(action.history.values_list("status", "note")) == [
        ("green", "Action added to the plan."),
        ("amber", "Trainer ill"),
    ]
    event = AuditEvent.objects.filter(action="action.status").get()
    assert event.changes["status"] == ["green", "amber"]
    assert event.actor == a.spoc_police


def test_the_history_cannot_be_edited_or_deleted_line_by_line(a):
    line = make_action(a).history.get()
    line.note = "rewritten"
    with pytest.raises(ValueError, match="never changed"):
        line.save()
    with pytest.raises(ValueError, match="never deleted"):
        line.delete()


def test_the_second_of_two_people_saving_at_once_is_told_the_status_had_just_changed(a):
    action = make_action(a)
    seen_by_both = action.status  # both opened the page while it was Green
    first = services.action_set_status(
        actor=a.coordinator, action=Action.objects.get(pk=action.pk), status="amber", note="Slipping",
        expected_status=seen_by_both,
    )  # fmt: skip
    second = services.action_set_status(
        actor=a.spoc_police, action=Action.objects.get(pk=action.pk), status="red", note="Stopped",
        expected_status=seen_by_both,
    )  # fmt: skip
    assert first.overtaken_by is None
    assert second.overtaken_by == first.change
    assert list(action.history.values_list("status", flat=True)) == ["green", "amber", "red"]
    action.refresh_from_db()
    assert action.status == "red"


def test_a_status_change_cannot_be_dated_in_the_future(a):
    action = make_action(a)
    with pytest.raises(ValidationError, match="future"):
        services.action_set_status(
            actor=a.coordinator, action=action, status="amber", note="x", at=dt.datetime(2999, 1, 1, tzinfo=dt.UTC)
        )


def test_bulk_update_changes_all_or_none(a):
    actions = [make_action(a, title=f"Action {i}") for i in range(3)]
    services.action_bulk_set_status(actor=a.coordinator, actions=actions, status="amber", note="Budget delayed")
    assert set(Action.objects.values_list("status", flat=True)) == {"amber"}
    with pytest.raises(ValidationError):
        services.action_bulk_set_status(actor=a.coordinator, actions=actions, status="red", note="")
    assert set(Action.objects.values_list("status", flat=True)) == {"amber"}


def test_deleting_an_action_removes_its_history_and_keeps_an_audit_record(a):
    action = make_action(a)
    services.action_delete(actor=a.coordinator, action=action)
    assert not ActionStatusChange.objects.exists()
    assert AuditEvent.objects.filter(action="action.delete", object_repr=action.title).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
def test_two_savers_at_the_same_moment_both_land_in_order(a):
    action = make_action(a)
    barrier = threading.Barrier(2)
    outcomes = []

    def save(user, status):
        barrier.wait()
        try:
            outcomes.append(
                services.action_set_status(
                    actor=user,
                    action=Action.objects.get(pk=action.pk),
                    status=status,
                    note="at once",
                    expected_status="green",
                )  # fmt: skip
            )
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(u, s)) for u, s in ((a.coordinator, "amber"), (a.spoc_police, "red"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 2
    assert sorted(o.overtaken_by is not None for o in outcomes) == [False, True]
    assert action.history.count() == 3
