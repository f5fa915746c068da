"""Median time of one 100-item page of the API's list endpoints at the large demo size.

    DEBUG=true python manage.py seed_demo --size large
    DEBUG=true python bench/api.py [--runs 30] [--only indicators]

Measures, for the largest partnership, the indicators list (with targets and progress), then
figures, actions, returns and organisations — each a page of 100 — and prints each median
against the 200 ms target. The requests go through the whole Django stack in this process,
signed in with a real API token; everything the benchmark writes (the token, its audit events)
is rolled back at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")


def _counter(queries: list[str]):
    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--only", help="one list, e.g. indicators")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client

    from partnerships.models import Membership, Organisation, Partnership, Role
    from partnerships.services.tokens import token_create

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": None, "api_anonymous": None},
    }
    partnership = max(Partnership.objects.all(), key=lambda p: Organisation.objects.filter(partnership=p).count())
    coordinator = Membership.objects.filter(partnership=partnership, role=Role.COORDINATOR).first().user
    lists = ["indicators", "figures", "actions", "returns", "organisations"]
    if args.only:
        lists = [args.only]

    print(f"partnership: {partnership.name}   runs per list: {args.runs}   load average: {os.getloadavg()[0]:.1f}")
    with transaction.atomic():
        _, secret = token_create(actor=coordinator, name="benchmark (rolled back)")
        client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
        for resource in lists:
            url = f"/api/v1/p/{partnership.slug}/{resource}/?page_size=100"
            first = client.get(url)
            assert first.status_code == 200, first.content[:300]
            body = first.json()
            queries: list[str] = []
            with connection.execute_wrapper(_counter(queries)):
                client.get(url)
            timings, cpu = [], []
            for _ in range(args.runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
                assert response.status_code == 200
            median = statistics.median(timings)
            print(
                f"GET {url}  {len(body['results'])} items of {body['count']}, {len(queries)} queries: "
                f"median {median:.1f} ms (CPU {statistics.median(cpu):.1f} ms), min {min(timings):.1f}, "
                f"max {max(timings):.1f}  {'OK' if median < 200 else 'OVER'} (target: under 200 ms median)"
            )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
