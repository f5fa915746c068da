"""Settings for the Celery worker that tests/test_annual_worker.py starts and kills.

The test settings, with a short Redis visibility timeout and a restore check every second, so a
message whose worker was killed goes back on the queue within seconds (not after 20 minutes).
With ``ASPM_TEST_HANG_WHILE_STORING=1`` the worker writes half of the PDF and then hangs, so the
test can kill it in the middle of writing the file.
"""

import os

from aspm.settings.test import *  # noqa: F403

_fast_restore = {"visibility_timeout": 20, "unacked_restore_interval": 1, "unacked_restore_throttle": 1}
CELERY_BROKER_TRANSPORT_OPTIONS = {**globals().get("CELERY_BROKER_TRANSPORT_OPTIONS", {}), **_fast_restore}  # noqa: F405
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": 20}

if os.environ.get("ASPM_TEST_HANG_WHILE_STORING"):
    from celery.signals import worker_process_init

    @worker_process_init.connect
    def _hang_while_storing(**_kwargs):
        import time

        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        from reports.jobs.services import engine as jobs

        def half_then_hang(job, content):
            default_storage.save(f"{jobs.job_folder(job)}/partial.pdf", ContentFile(content[: len(content) // 2]))
            time.sleep(600)

        jobs.store_pdf = half_then_hang
