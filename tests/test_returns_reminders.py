"""The reminder job, run with a fake clock (twice each time, as a retried or duplicated job
would): each email goes out once, on the right day, to the right people."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from reports.models import ReminderSent
from reports.returns import services
from reports.returns.services import reminders
from reports.returns.tasks import send_return_reminders

from .returns_cast import police_return, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """``clock(day, hour=9)`` sets the time the reminder job sees."""

    def set_to(day: date, hour: int = 9):
        moment = timezone.make_aware(datetime.combine(day, time(hour, 59)))
        monkeypatch.setattr(reminders, "clock", lambda: moment)
        return moment

    return set_to


def _run_twice():
    send_return_reminders.delay()
    send_return_reminders.delay()


def _to(email):
    return [m for m in mail.outbox if email in m.to]


def test_the_spoc_is_reminded_14_and_3_days_before_on_the_day_and_weekly_when_late_each_once(a, clock):
    return_ = police_return(a)  # due 31 July 2026
    expected = [
        (date(2026, 7, 16), 0),
        (date(2026, 7, 17), 1),  # 14 days before
        (date(2026, 7, 20), 1),
        (date(2026, 7, 28), 2),  # 3 days before
        (date(2026, 7, 31), 3),  # the due date
        (date(2026, 8, 6), 3),
        (date(2026, 8, 7), 4),  # a week late
        (date(2026, 8, 13), 4),
        (date(2026, 8, 14), 5),  # two weeks late
    ]
    for day, total in expected:
        clock(day)
        _run_twice()
        assert len(_to(a.spoc_police.email)) == total, day
    subjects = [m.subject for m in _to(a.spoc_police.email)]
    assert subjects[0].startswith("Reminder:") and "31 July" in subjects[0]
    assert subjects[-1].startswith("Late:")
    assert "14 days ago" in _to(a.spoc_police.email)[-1].body
    assert ReminderSent.objects.filter(return_obj=return_).count() == 5


def test_a_day_the_job_did_not_run_is_caught_up_once(a, clock):
    police_return(a)
    clock(date(2026, 7, 30))  # the job was down on the 28th, when the 3-day reminder was due
    _run_twice()
    assert [m.subject.split(":")[0] for m in _to(a.spoc_police.email)] == ["Reminder"]
    assert "in 1 day" in _to(a.spoc_police.email)[0].body


def test_a_submitted_return_is_not_chased_and_the_coordinators_are_told_once(a, clock):
    return_ = police_return(a)
    submitted(a, return_)  # stamped with the real time: the job runs an hour later
    later = timezone.now() + timedelta(hours=1)
    clock(timezone.localdate(later), hour=timezone.localtime(later).hour)
    _run_twice()
    assert _to(a.spoc_police.email) == []
    told = _to(a.coordinator.email)
    assert len(told) == 1
    assert told[0].subject == f"{a.police} submitted its return for {return_.period}"
    assert f"/p/{a.slug}/returns/{return_.pk}/" in told[0].body


def test_a_resubmission_is_news_again(a, clock):
    return_ = submitted(a, police_return(a))
    services.return_send_back(actor=a.coordinator, return_=return_, reason="Add June.")
    services.return_submit(actor=a.spoc_police, return_=return_)
    later = timezone.now() + timedelta(hours=1)
    clock(timezone.localdate(later), hour=timezone.localtime(later).hour)
    _run_twice()
    assert len(_to(a.coordinator.email)) == 2
    assert any("submitted again" in m.subject for m in _to(a.coordinator.email))


def test_changing_the_due_date_moves_the_reminders(a, clock):
    return_ = police_return(a)
    clock(date(2026, 7, 17))
    _run_twice()
    services.return_deadline_set(actor=a.coordinator, period=return_.period, due_date=date(2026, 8, 14))
    clock(date(2026, 7, 31))
    _run_twice()
    clock(date(2026, 8, 1))  # 14 days before the new date
    _run_twice()
    assert [("14 August" in m.subject) for m in _to(a.spoc_police.email)] == [False, True]


def test_a_reminder_that_failed_to_send_is_sent_by_the_retry(a, clock, monkeypatch):
    police_return(a)
    clock(date(2026, 7, 17))
    real_send = reminders.mail.send

    def broken(**kwargs):
        raise ConnectionError("SMTP server unavailable")

    monkeypatch.setattr(reminders.mail, "send", broken)
    with pytest.raises(ConnectionError):
        send_return_reminders.delay()
    assert not ReminderSent.objects.exists()
    monkeypatch.setattr(reminders.mail, "send", real_send)
    _run_twice()
    assert len(_to(a.spoc_police.email)) == 1


def test_the_schedule_runs_the_job_and_is_declared_in_one_place():
    from aspm.schedule import BEAT_SCHEDULE

    assert BEAT_SCHEDULE["return-reminders"]["task"] == send_return_reminders.name
    assert reminders.BEFORE_DUE == (-14, -3, 0) and reminders.LATE_EVERY_DAYS == 7
