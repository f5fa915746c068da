"""The Celery app. Configuration comes from Django settings (``CELERY_*``); the periodic jobs
are declared in one place, ``aspm.schedule``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")

app = Celery("aspm")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _install_schedule(sender: Celery, **_kwargs) -> None:
    from .schedule import BEAT_SCHEDULE

    sender.conf.beat_schedule = BEAT_SCHEDULE


@app.on_after_configure.connect
def _make_queue_folders(sender: Celery, **_kwargs) -> None:
    # The filesystem broker (embedded default) needs its folders to exist.
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "processed_folder"):
        if options.get(key):
            os.makedirs(options[key], exist_ok=True)
