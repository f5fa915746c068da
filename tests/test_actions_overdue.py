"""Overdue: past due and not complete, whatever the status; the daily job records and emails it once."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from actionplans import clock, services
from actionplans.models import ActionStatusChange, ChangeKind
from actionplans.tasks import record_overdue_actions
from aspm.schedule import BEAT_SCHEDULE

from .action_helpers import make_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def set_clock(monkeypatch):
    def _set(day: dt.date):
        moment = dt.datetime.combine(day, dt.time(7, 0), tzinfo=dt.UTC)
        monkeypatch.setattr(clock, "now", lambda: moment)

    return _set


def _overdue_lines():
    return ActionStatusChange.objects.filter(kind=ChangeKind.OVERDUE)


def test_the_job_is_scheduled_daily():
    assert BEAT_SCHEDULE["record-overdue-actions"]["task"] == "actionplans.tasks.record_overdue_actions"


def test_an_action_past_its_due_date_is_overdue_even_when_green(a, set_clock):
    set_clock(dt.date(2026, 5, 1))
    action = make_action(a, start_date=dt.date(2026, 4, 1), due_date=dt.date(2026, 6, 30))
    assert not action.is_overdue()
    set_clock(dt.date(2026, 7, 1))
    assert action.status == "green"
    assert action.is_overdue()


def test_a_complete_action_is_never_overdue(a, set_clock):
    set_clock(dt.date(2026, 5, 1))
    action = make_action(a, due_date=dt.date(2026, 6, 30))
    services.action_set_status(actor=a.coordinator, action=action, status="complete", note="Done")
    set_clock(dt.date(2026, 8, 1))
    assert not action.is_overdue()
    assert record_overdue_actions() == {"recorded": 0, "emails": 0}


def test_the_job_records_once_and_emails_the_owner_and_coordinator_once(a, set_clock):
    set_clock(dt.date(2026, 5, 1))
    action = make_action(a, organisation=a.police, due_date=dt.date(2026, 6, 30), title="Brief taxi drivers")
    make_action(a, organisation=a.charity, due_date=dt.date(2026, 12, 31), title="Not due yet")
    set_clock(dt.date(2026, 7, 2))
    first = record_overdue_actions()
    assert first == {"recorded": 1, "emails": 2}
    assert _overdue_lines().get().action == action
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([a.spoc_police.email, a.coordinator.email])
    assert "Brief taxi drivers" in mail.outbox[0].body
    assert "Not due yet" not in mail.outbox[0].body

    assert record_overdue_actions() == {"recorded": 0, "emails": 0}  # run again, or retried
    set_clock(dt.date(2026, 7, 3))
    assert record_overdue_actions() == {"recorded": 0, "emails": 0}  # the next day
    assert _overdue_lines().count() == 1
    assert len(mail.outbox) == 2


def test_a_retry_after_recording_but_before_emailing_still_sends_the_emails(a, set_clock, monkeypatch):
    set_clock(dt.date(2026, 5, 1))
    make_action(a, due_date=dt.date(2026, 6, 30))
    set_clock(dt.date(2026, 7, 2))

    def broken(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("aspm.mail.send", broken)
    with pytest.raises(ConnectionError):
        record_overdue_actions()
    monkeypatch.undo()
    set_clock(dt.date(2026, 7, 2))
    assert record_overdue_actions() == {"recorded": 0, "emails": 2}
    assert _overdue_lines().count() == 1


def test_a_new_due_date_that_passes_is_recorded_again(a, set_clock):
    set_clock(dt.date(2026, 5, 1))
    action = make_action(a, due_date=dt.date(2026, 6, 30))
    set_clock(dt.date(2026, 7, 2))
    record_overdue_actions()
    services.action_update(actor=a.coordinator, action=action, due_date=dt.date(2026, 8, 31))
    set_clock(dt.date(2026, 9, 1))
    assert record_overdue_actions()["recorded"] == 1
    assert _overdue_lines().count() == 2


def test_the_plan_filters_overdue_actions(a, login, set_clock):
    set_clock(dt.date(2026, 5, 1))
    make_action(a, title="Late one", due_date=dt.date(2026, 6, 30))
    make_action(a, title="On time one", due_date=dt.date(2026, 12, 31))
    set_clock(dt.date(2026, 7, 2))
    page = login(a.viewer).get(reverse("actions:plan", kwargs={"slug": a.slug}), {"status": "overdue"})
    text = page.content.decode()
    assert "Late one" in text
    assert "On time one" not in text
    assert "Overdue</span>" in text


def test_a_failure_midway_then_a_rerun_sends_each_digest_once(a, set_clock, monkeypatch):
    set_clock(dt.date(2026, 5, 1))
    make_action(a, organisation=a.police, due_date=dt.date(2026, 6, 30), title="Brief taxi drivers")
    set_clock(dt.date(2026, 7, 2))
    from aspm import mail as aspm_mail

    real_send, calls = aspm_mail.send, []

    def fails_on_the_second(**kwargs):
        calls.append(kwargs["recipients"])
        if len(calls) == 2:
            raise ConnectionError("mail server down")
        return real_send(**kwargs)

    monkeypatch.setattr("aspm.mail.send", fails_on_the_second)
    with pytest.raises(ConnectionError):
        record_overdue_actions()
    assert len(mail.outbox) == 1  # the first digest went; the second failed
    monkeypatch.undo()
    set_clock(dt.date(2026, 7, 2))
    assert record_overdue_actions() == {"recorded": 0, "emails": 1}  # only the one not sent
    assert record_overdue_actions() == {"recorded": 0, "emails": 0}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.spoc_police.email, a.coordinator.email])
    assert all("Brief taxi drivers" in m.body for m in mail.outbox)


def test_a_digest_already_marked_sent_by_another_run_is_not_sent_again(a, set_clock):
    from actionplans.models import OverdueEmailSent

    set_clock(dt.date(2026, 5, 1))
    action = make_action(a, organisation=a.police, due_date=dt.date(2026, 6, 30))
    set_clock(dt.date(2026, 7, 2))
    OverdueEmailSent.objects.create(
        partnership=a.partnership,
        action=action,
        due_date=action.due_date,
        recipient=a.coordinator.email,
        sent_at=clock.now(),
    )
    assert record_overdue_actions() == {"recorded": 1, "emails": 1}
    assert [m.to[0] for m in mail.outbox] == [a.spoc_police.email]


def test_an_archived_partnerships_overdue_actions_are_not_announced(a, set_clock):
    from partnerships.services import partnership_archive

    set_clock(dt.date(2026, 5, 1))
    make_action(a, organisation=a.police, due_date=dt.date(2026, 6, 30))
    partnership_archive(actor=None, partnership=a.partnership, reason="Merged")
    set_clock(dt.date(2026, 7, 2))
    assert record_overdue_actions() == {"recorded": 0, "emails": 0}
    assert mail.outbox == []
