"""Measurement benchmarks at the large demo size. Prints medians; asserts nothing.

    DEBUG=true .venv/bin/python manage.py seed_demo --size large --quiet-logins
    DEBUG=true .venv/bin/python bench/measurement_bench.py

* the results table, the progress dashboard and an indicator page of "Greater Westmoor"
  (300 indicators, 60 organisations, 12 quarters of figures), as its coordinator, through the test
  client (the full Django stack: middleware, access layer, templates); median of RUNS requests and
  the number of queries;
* importing 10,000 figures from an .xlsx file: the dry run, then the commit (through the same
  ``run_import`` the page uses: read, check every row, bulk write, one audit event). The import runs
  inside a transaction that is rolled back at the end, so the demo data is left as it was.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from indicators.measurement import imports, services  # noqa: E402
from indicators.models import Indicator, PeriodKind, PeriodStatus, ReportingPeriod  # noqa: E402
from partnerships.models import Partnership, User  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "15"))


def _time_page(client: Client, url: str) -> tuple[float, int]:
    client.get(url)  # warm up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times) * 1000, len(queries)


def pages(partnership: Partnership) -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.force_login(
        User.objects.get(email="coordinator@westmoor.example"), backend="django.contrib.auth.backends.ModelBackend"
    )
    indicator = Indicator.objects.filter(partnership=partnership).order_by("code").first()
    slug = partnership.slug
    for label, url in (
        ("results table (300 indicators x 4 quarters)", reverse("indicators:results", kwargs={"slug": slug})),
        ("progress dashboard", reverse("indicators:dashboard", kwargs={"slug": slug})),
        (
            "indicator page (12 quarters x 12 organisations)",
            reverse("indicators:detail", kwargs={"slug": slug, "pk": indicator.pk}),
        ),
    ):
        median, count = _time_page(client, url)
        print(f"{label:<50} median {median:7.1f} ms   {count} queries")


def _sheet(partnership: Partnership, periods: list[ReportingPeriod], n: int) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["indicator_code", "period", "organisation", "value", "comment"])
    indicators = Indicator.objects.filter(partnership=partnership).prefetch_related("reporting_organisations")
    rows = 0
    for period in periods:
        for indicator in indicators:
            for organisation in indicator.reporting_organisations.all():
                value = {"percentage": 55, "score": 3, "yes_no": 1}.get(indicator.unit, 4)
                sheet.append([indicator.code, period.label, organisation.name, value, "bench"])
                rows += 1
                if rows == n:
                    out = io.BytesIO()
                    book.save(out)
                    return out.getvalue()
    raise SystemExit(f"Only {rows} figures possible; seed the large size first.")


def import_figures(partnership: Partnership, n: int = 10_000) -> None:
    actor = User.objects.get(email="coordinator@westmoor.example")
    with transaction.atomic():
        quarter = (
            ReportingPeriod.objects.filter(partnership=partnership, kind=PeriodKind.QUARTER, status=PeriodStatus.OPEN)
            .order_by("-start")
            .first()
        )
        months = list(
            ReportingPeriod.objects.filter(
                partnership=partnership, kind=PeriodKind.MONTH, start__gte=quarter.start, end__lte=quarter.end
            )[:2]
        )
        for month in months:
            if month.status == PeriodStatus.NOT_OPEN:
                services.period_open(actor=actor, period=month)
        periods = [quarter, *ReportingPeriod.objects.filter(pk__in=[m.pk for m in months])]
        content = _sheet(partnership, periods, n)
        print(f"workbook of {n:,} figures: {len(content) / 1024:.0f} KB")
        for dry_run in (True, False):
            start = time.perf_counter()
            result = imports.run_import(
                actor=actor, partnership=partnership, kind="figures", content=content, dry_run=dry_run
            )
            took = time.perf_counter() - start
            assert result.ok, [r.errors for r in result.bad_rows[:5]] + result.file_errors
            print(
                f"import {n:,} figures from .xlsx, {'dry run' if dry_run else 'commit '}   {took:6.2f} s"
                + (f"   {result.written}" if result.written else "")
            )
        transaction.set_rollback(True)


def main() -> None:
    partnership = Partnership.objects.filter(slug="westmoor").first()
    if partnership is None:
        raise SystemExit("Run `seed_demo --size large` first.")
    print(f"Measurement benchmarks on {connection.vendor}, {RUNS} runs each")
    pages(partnership)
    import_figures(partnership)


if __name__ == "__main__":
    main()
