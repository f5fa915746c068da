"""Monitoring reports are chased by the returns' reminder job, with a fake reminder_clock (run twice each
time, as a retried or duplicated job would): each reminder once, to the provider's SPOC only."""

from datetime import date

import pytest
from django.utils import timezone

from reports.models import ReminderSent

from . import monitoring_cast as mc
from .reminder_helpers import run_twice, sent_to

pytestmark = pytest.mark.django_db


def test_the_providers_spoc_is_reminded_of_a_monthly_report_on_the_schedule_each_reminder_once(a, reminder_clock):
    report = mc.report(a, mc.monthly_agreement(a))  # April 2026, due 31 May
    expected = [
        (date(2026, 5, 16), 0),
        (date(2026, 5, 17), 1),  # 14 days before
        (date(2026, 5, 28), 2),  # 3 days before
        (date(2026, 5, 31), 3),  # the due date
        (date(2026, 6, 7), 4),  # a week late
        (date(2026, 6, 8), 4),
    ]
    for day, total in expected:
        reminder_clock(day)
        run_twice()
        assert len(sent_to(a.spoc_charity.email)) == total, day
    first, last = sent_to(a.spoc_charity.email)[0], sent_to(a.spoc_charity.email)[-1]
    assert first.subject == f"Reminder: {a.charity}'s monitoring report for April 2026 is due 31 May"
    assert last.subject.startswith("Late:") and "monitoring report on “Support before a referral decision”" in last.body
    assert sent_to(a.spoc_police.email) == []  # the police do not provide this service
    assert ReminderSent.objects.filter(return_obj=report).count() == 4


def test_a_submitted_monitoring_report_is_not_chased_and_the_coordinator_is_told_once(a, reminder_clock):
    report = mc.submitted_report(a, mc.report(a, mc.monthly_agreement(a)), "1800", "950")
    now = timezone.localtime()
    reminder_clock(timezone.localdate(now), hour=now.hour)
    run_twice()
    told = sent_to(a.coordinator.email)
    assert len(told) == 1 and told[0].subject == f"{a.charity} submitted its monitoring report for April 2026"
    assert (
        sent_to(a.spoc_charity.email) == []
        and ReminderSent.objects.filter(return_obj=report, kind="submitted").count() == 1
    )
