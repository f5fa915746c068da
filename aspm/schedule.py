"""Every periodic job of ASPM, in one place. Celery beat reads ``BEAT_SCHEDULE``.

Each job must be safe to run twice: the tasks record what they have done and skip it.
Later work adds its jobs here (overdue actions, return reminders).
"""

from celery.schedules import crontab

BEAT_SCHEDULE: dict[str, dict] = {
    "clear-expired-sessions": {
        "task": "aspm.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=15),
    },
    # annual reports the broker never accepted (it was down) are handed over again
    "sweep-report-jobs": {"task": "reports.tasks.sweep_report_jobs", "schedule": 60.0},
}
