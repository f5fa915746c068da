"""`make run`'s server: Django's development server with a Celery worker (and beat) beside it.

Stopping the server (Ctrl-C, or a TERM signal) stops the worker too. Without REDIS_URL the
worker uses the filesystem broker in var/ (see settings), so nothing else needs installing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve ASPM for development, with a Celery worker and beat; stopping one stops both."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport: str, **options):
        if os.environ.get("RUN_MAIN") == "true":  # the autoreloader's child: the worker already runs
            call_command("runserver", addrport)
            return
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        log_path = settings.VAR_DIR / "worker.log"
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "aspm",
            "worker",
            "--beat",
            "--pool=solo",
            "--loglevel=INFO",
            f"--schedule={settings.VAR_DIR / 'celerybeat-schedule'}",
        ]
        with open(log_path, "ab") as log:
            worker = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603 - fixed arguments
        self.stdout.write(f"Celery worker and beat started (pid {worker.pid}); log in {log_path}")
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            call_command("runserver", addrport)
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
            self.stdout.write("Celery worker stopped.")
