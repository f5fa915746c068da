"""Every periodic job of ASPM, in one place. Celery beat reads ``BEAT_SCHEDULE``.

Each job must be safe to run twice: the tasks record what they have done and skip it.
"""

from celery.schedules import crontab

BEAT_SCHEDULE: dict[str, dict] = {
    "clear-expired-sessions": {
        "task": "aspm.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=15),
    },
    "record-overdue-actions": {
        "task": "actionplans.tasks.record_overdue_actions",  # overdue actions: history line + one email
        "schedule": crontab(hour=6, minute=5),
    },
    "return-reminders": {  # offsets: reports/returns/services/reminders.py; hourly in working hours
        "task": "reports.returns.send_return_reminders",
        "schedule": crontab(hour="7-19", minute=5),
    },
    "open-monitoring-reports": {  # funding agreements' monthly or quarterly reports (reports/monitoring/)
        "task": "reports.monitoring.open_due_reports",
        "schedule": crontab(hour=6, minute=35),
    },
    # uploads checked but never confirmed or cancelled are removed a day later (aspm/imports/stored.py)
    "sweep-import-uploads": {"task": "imports.sweep_uploads", "schedule": crontab(minute=20)},
    # annual reports the broker never accepted (it was down) are handed over again; running ones
    # whose worker stopped beating for 90 s are marked failed, with Retry (reports/jobs/services/engine.py)
    "sweep-report-jobs": {"task": "reports.tasks.sweep_report_jobs", "schedule": 60.0},
}
