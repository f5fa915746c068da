"""Celery: tasks run through the app's configuration; in CI a real worker on Redis answers."""

import os

import pytest

from aspm.celery import app
from aspm.schedule import BEAT_SCHEDULE
from aspm.tasks import diagnostics_ping


def test_the_app_uses_json_and_late_acknowledgement():
    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]
    assert app.conf.task_acks_late is True
    assert app.conf.task_time_limit and app.conf.task_soft_time_limit < app.conf.task_time_limit


def test_every_periodic_job_names_a_registered_task():
    app.loader.import_default_modules()
    for name, entry in BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, name


@pytest.mark.django_db
def test_a_task_round_trip_in_process(a):
    assert diagnostics_ping.delay(a.partnership.pk).get(timeout=5) == {"partnership": a.slug, "name": "Northvale"}


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_task_round_trip_through_the_real_worker(a, settings):
    """CI starts a Celery worker on Redis against the test database; this proves the whole path."""
    if not os.environ.get("ASPM_REAL_WORKER"):
        pytest.skip("no real worker here: CI sets ASPM_REAL_WORKER=1 after starting one on Redis")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    try:
        assert settings.CELERY_BROKER_URL.startswith("redis://")
        result = diagnostics_ping.apply_async(args=[a.partnership.pk])
        assert result.get(timeout=60) == {"partnership": a.slug, "name": "Northvale"}
    finally:
        app.conf.task_always_eager = True
