"""In a real browser: a coordinator starts the annual report, watches the progress bar reach 100 %
without reloading, and downloads the PDF; axe-core finds no serious problems on the way.

Locally the task runs in a thread started a moment after the request (so the page shows it
waiting first); in CI (ASPM_REAL_WORKER=1) the real Celery worker on Redis makes it.
"""

import os
import re
import threading
from unittest import mock

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from aspm.celery import app
from reports.jobs.services import engine as jobs

from .browser import serious_accessibility_problems, sign_in

# Marked "worker": in CI it goes through the real Celery worker, which reads the serial run's database.
pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


PAGE_SHOWN = threading.Event()  # the test has read the first progress: the job may run now


def _once_the_page_is_shown(job_id):
    def run():
        PAGE_SHOWN.wait(timeout=60)
        jobs.run_job(job_id)

    threading.Thread(target=run, daemon=True).start()
    return True


def test_coordinator_starts_the_report_watches_progress_and_downloads_it(world, live_server, page, settings):
    a = world.a
    real_worker = bool(os.environ.get("ASPM_REAL_WORKER"))
    if real_worker:
        settings.MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(django_settings.VAR_DIR / "media"))
        app.conf.task_always_eager = False
    PAGE_SHOWN.clear()
    enqueue = "reports.jobs.services.queue.enqueue"
    patch = mock.patch(enqueue, side_effect=_once_the_page_is_shown) if not real_worker else None
    try:
        if patch:
            patch.start()
        sign_in(page, live_server, a.coordinator.email)
        page.goto(f"{live_server.url}/p/{a.slug}/")
        page.get_by_role("link", name="Annual reports").click()
        expect(page).to_have_url(re.compile(r"/annual-reports/$"))
        assert serious_accessibility_problems(page) == []
        page.get_by_role("link", name="Start an annual report").click()
        page.get_by_label("Foreword (optional)").fill("A year of joint work.")
        assert serious_accessibility_problems(page) == []
        page.get_by_role("button", name="Make the report").click()

        bar = page.get_by_role("progressbar", name="Progress of the report")
        first = int(bar.get_attribute("aria-valuenow"))
        PAGE_SHOWN.set()
        assert first < 100
        url_before = page.url
        expect(page.get_by_role("progressbar", name="Progress of the report")).to_have_attribute(
            "aria-valuenow", "100", timeout=120_000
        )
        assert page.url == url_before  # updated in place by htmx, no reload
        expect(page.get_by_text("The report is ready")).to_be_visible()
        assert serious_accessibility_problems(page) == []
        with page.expect_download() as download_info:
            page.get_by_role("link", name="Download the PDF").click()
        path = download_info.value.path()
        with open(path, "rb") as handle:
            assert handle.read(5) == b"%PDF-"
        page.get_by_role("link", name="Details and checksum").click()
        expect(page.get_by_text("SHA-256 checksum")).to_be_visible()
        assert serious_accessibility_problems(page) == []
    finally:
        PAGE_SHOWN.set()
        if patch:
            patch.stop()
        app.conf.task_always_eager = True
