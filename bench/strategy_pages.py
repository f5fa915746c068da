"""Time the strategy pages and count their queries on the demo database.

    DEBUG=true python manage.py seed_demo --size large
    DEBUG=true python bench/strategy_pages.py [slug]      # default: westmoor

Prints, for each page, the median time of 5 requests and the number of queries.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from indicators.models import Objective, ResultsChainEntry, Risk  # noqa: E402
from partnerships.models import Membership, Partnership, Role  # noqa: E402

PAGES = ("plan", "strands", "objectives", "logframe", "logframe_xlsx", "subgroups", "risks", "goals")


def main(slug: str) -> None:
    partnership = Partnership.objects.get(slug=slug)
    coordinator = Membership.objects.filter(partnership=partnership, role=Role.COORDINATOR).first().user
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
    objective = Objective.objects.filter(partnership=partnership).first()
    print(
        f"{partnership.name}: {Objective.objects.filter(partnership=partnership).count()} objectives, "
        f"{ResultsChainEntry.objects.filter(partnership=partnership).count()} chain entries, "
        f"{Risk.objects.filter(partnership=partnership).count()} risks"
    )
    urls = [(name, reverse(f"strategy:{name}", args=[slug])) for name in PAGES]
    urls.append(("objective_detail", reverse("strategy:objective_detail", args=[slug, objective.pk])))
    for name, url in urls:
        times = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        median, size = statistics.median(times), len(response.content)
        print(f"  {name:<18} {median:7.1f} ms  {len(queries):3d} queries  {size:8d} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "westmoor")
