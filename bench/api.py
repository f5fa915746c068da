"""Median time of one 100-item page of an API list endpoint at the large demo size.

    DEBUG=true python manage.py seed_demo --size large
    DEBUG=true python bench/api.py [--runs 30]

Uses the indicators list of the largest partnership when it has 100 or more indicators, and the
organisations list otherwise (say which in the output). The requests go through the whole Django
stack in this process, signed in with a real API token; everything the benchmark writes (the
token, its audit events) is rolled back at the end.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import transaction
    from django.test import Client

    from indicators.models import Indicator
    from partnerships.models import Membership, Organisation, Partnership, Role
    from partnerships.services_tokens import token_create

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": None, "api_anonymous": None},
    }
    partnership = max(Partnership.objects.all(), key=lambda p: Organisation.objects.filter(partnership=p).count())
    indicators = Indicator.objects.filter(partnership=partnership).count()
    organisations = Organisation.objects.filter(partnership=partnership).count()
    resource, rows = ("indicators", indicators) if indicators >= 100 else ("organisations", organisations)
    coordinator = Membership.objects.filter(partnership=partnership, role=Role.COORDINATOR).first().user

    with transaction.atomic():
        _, secret = token_create(actor=coordinator, name="benchmark (rolled back)")
        client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
        url = f"/api/v1/p/{partnership.slug}/{resource}/?page_size=100"
        first = client.get(url)
        assert first.status_code == 200, first.content[:300]
        items = len(first.json()["results"])
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        transaction.set_rollback(True)

    print(f"partnership: {partnership.name} ({organisations} organisations, {indicators} indicators)")
    if resource == "organisations":
        print("indicators: fewer than 100 in this database, so the organisations list is measured instead")
    print(f"endpoint: GET {url}  ({items} items on the page of at most 100, {rows} rows in all)")
    print(
        f"runs: {args.runs}  median: {statistics.median(timings):.1f} ms  min: {min(timings):.1f} ms  "
        f"max: {max(timings):.1f} ms  (target: under 200 ms median)"
    )


if __name__ == "__main__":
    main()
