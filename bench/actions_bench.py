"""Benchmark the action plan at county size: the plan page, the home page panel, a status change.

Needs the large demo data first:
    DEBUG=true .venv/bin/python manage.py seed_demo --size large
Then:
    DEBUG=true .venv/bin/python bench/actions_bench.py [repeats]
Prints the median and spread of each, with the number of queries.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from actionplans.models import Action, ActionStatusChange  # noqa: E402
from partnerships.models import Partnership, User  # noqa: E402


def measure(label: str, repeats: int, fn) -> None:
    times, queries = [], 0
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
    print(
        f"{label:<52} median {statistics.median(times):7.1f} ms   "
        f"min {min(times):7.1f}   max {max(times):7.1f}   queries {queries}"
    )


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    settings.ALLOWED_HOSTS = ["*"]
    westmoor = Partnership.objects.filter(slug="westmoor").first()
    if westmoor is None:
        sys.exit("Run `seed_demo --size large` first.")
    actions = Action.objects.filter(partnership=westmoor)
    print(
        f"Greater Westmoor: {actions.count()} actions, "
        f"{ActionStatusChange.objects.filter(partnership=westmoor).count()} status changes; "
        f"database {connection.vendor}; {repeats} runs each"
    )
    client = Client()
    client.force_login(User.objects.get(email="coordinator@westmoor.example"))
    base = f"/p/{westmoor.slug}/"

    def get(path, **params):
        def run():
            response = client.get(base + path, params)
            assert response.status_code == 200, response.status_code

        return run

    measure("action plan, first page (grouped by strand)", repeats, get("actions/"))
    measure("action plan, page 25", repeats, get("actions/", page=25))
    overdue = get("actions/", status="overdue", sort="status")
    measure("action plan, filtered: overdue, sorted by status", repeats, overdue)
    measure("home page with the RAG panel and chart", repeats, get(""))
    action = actions.order_by("id").first()
    statuses = ["amber", "green"]

    def change():
        status = statuses[0]
        statuses.reverse()
        response = client.post(
            f"{base}actions/{action.pk}/status/", {"status": status, "note": "Benchmark"}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200

    measure("status change in place (htmx POST)", repeats, change)


if __name__ == "__main__":
    main()
