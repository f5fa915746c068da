"""The reminder job, run with a fake clock (twice each time, as a retried or duplicated job
would): each email goes out once, on the right day, to the right people."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from reports.models import ReminderSent
from reports.returns import services
from reports.returns.services import reminders
from reports.returns.tasks import send_return_reminders

from .reminder_helpers import run_twice, sent_to
from .returns_cast import police_return, submitted

pytestmark = pytest.mark.django_db


def test_the_spoc_is_reminded_14_and_3_days_before_on_the_day_and_weekly_when_late_each_once(a, reminder_clock):
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
        reminder_clock(day)
        run_twice()
        assert len(sent_to(a.spoc_police.email)) == total, day
    subjects = [m.subject for m in sent_to(a.spoc_police.email)]
    assert subjects[0].startswith("Reminder:") and "31 July" in subjects[0]
    assert subjects[-1].startswith("Late:")
    assert "14 days ago" in sent_to(a.spoc_police.email)[-1].body
    assert ReminderSent.objects.filter(return_obj=return_).count() == 5


def test_a_day_the_job_did_not_run_is_caught_up_once(a, reminder_clock):
    police_return(a)
    reminder_clock(date(2026, 7, 30))  # the job was down on the 28th, when the 3-day reminder was due
    run_twice()
    assert [m.subject.split(":")[0] for m in sent_to(a.spoc_police.email)] == ["Reminder"]
    assert "in 1 day" in sent_to(a.spoc_police.email)[0].body


def test_a_submitted_return_is_not_chased_and_the_coordinators_are_told_once(a, reminder_clock):
    return_ = police_return(a)
    submitted(a, return_)  # stamped with the real time: the job runs an hour later
    later = timezone.now() + timedelta(hours=1)
    reminder_clock(timezone.localdate(later), hour=timezone.localtime(later).hour)
    run_twice()
    assert sent_to(a.spoc_police.email) == []
    told = sent_to(a.coordinator.email)
    assert len(told) == 1
    assert told[0].subject == f"{a.police} submitted its return for {return_.period}"
    assert f"/p/{a.slug}/returns/{return_.pk}/" in told[0].body


def test_a_resubmission_is_news_again(a, reminder_clock):
    return_ = submitted(a, police_return(a))
    services.return_send_back(actor=a.coordinator, return_=return_, reason="Add June.")
    services.return_submit(actor=a.spoc_police, return_=return_)
    later = timezone.now() + timedelta(hours=1)
    reminder_clock(timezone.localdate(later), hour=timezone.localtime(later).hour)
    run_twice()
    assert len(sent_to(a.coordinator.email)) == 2
    assert any("submitted again" in m.subject for m in sent_to(a.coordinator.email))


def test_changing_the_due_date_moves_the_reminders(a, reminder_clock):
    return_ = police_return(a)
    reminder_clock(date(2026, 7, 17))
    run_twice()
    services.return_deadline_set(actor=a.coordinator, period=return_.period, due_date=date(2026, 8, 14))
    reminder_clock(date(2026, 7, 31))
    run_twice()
    reminder_clock(date(2026, 8, 1))  # 14 days before the new date
    run_twice()
    assert [("14 August" in m.subject) for m in sent_to(a.spoc_police.email)] == [False, True]


def test_a_reminder_that_failed_to_send_is_sent_by_the_retry(a, reminder_clock, monkeypatch):
    police_return(a)
    reminder_clock(date(2026, 7, 17))
    real_send = reminders.mail.send

    def broken(**kwargs):
        raise ConnectionError("SMTP server unavailable")

    monkeypatch.setattr(reminders.mail, "send", broken)
    with pytest.raises(ConnectionError):
        send_return_reminders.delay()
    assert not ReminderSent.objects.exists()
    monkeypatch.setattr(reminders.mail, "send", real_send)
    run_twice()
    assert len(sent_to(a.spoc_police.email)) == 1


def test_the_schedule_runs_the_job_and_is_declared_in_one_place():
    from aspm.schedule import BEAT_SCHEDULE

    assert BEAT_SCHEDULE["return-reminders"]["task"] == send_return_reminders.name
    assert reminders.BEFORE_DUE == (-14, -3, 0) and reminders.LATE_EVERY_DAYS == 7
