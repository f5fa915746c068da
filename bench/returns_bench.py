"""Quarterly returns at county size: 60 organisations, 12 quarters (720 returns), one
organisation reporting 40 indicators. Prints the query count and median time of the completeness
dashboard and of a return's form, and the median time to save and submit a return with 40 figures.

    DEBUG=true .venv/bin/python bench/returns_bench.py

Runs on a throwaway test database (in memory on SQLite; a fresh test database with DATABASE_URL
pointing at PostgreSQL). Figures, not pass/fail.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

RUNS = 15


def _median_ms(fn) -> tuple[float, int]:
    fn()  # warm up
    times, queries = [], 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(captured.captured_queries)
    return statistics.median(times), queries


def build():
    from aspm import hooks
    from indicators.models import Indicator, PeriodKind, ReportingPeriod
    from partnerships import services as p_services
    from partnerships.models import Role, Sector, User

    partnership = p_services.partnership_create(actor=None, name="Bench County", slug="bench", area="Bench")
    coordinator = User.objects.create_user(email="c@bench.test", password="x", full_name="Coordinator")
    p_services.membership_create(actor=None, partnership=partnership, user=coordinator, role=Role.COORDINATOR)
    spocs = []
    for i in range(60):
        org = p_services.organisation_create(
            actor=None, partnership=partnership, name=f"Org {i:02d}", sector=Sector.NGO
        )
        user = User.objects.create_user(email=f"s{i}@bench.test", password="x", full_name=f"SPOC {i}")
        p_services.membership_create(actor=None, partnership=partnership, user=user, role=Role.SPOC, organisation=org)
        spocs.append((org, user))
    first_org, first_spoc = spocs[0]
    for i in range(40):
        ind = Indicator.objects.create(
            partnership=partnership,
            code=f"B-{i:02d}",
            name=f"Bench indicator {i}",
            disaggregation=["age_group"] if i % 2 else [],
        )
        ind.reporting_organisations.add(first_org)
    today = date.today()
    year, month = today.year, ((today.month - 1) // 3) * 3 + 1
    periods = []
    for back in range(11, -1, -1):
        index = year * 12 + month - 1 - 3 * back
        start = date(index // 12, index % 12 + 1, 1)
        end_index = index + 2
        end_month = end_index % 12 + 1
        end = date(end_index // 12, end_month, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][end_month - 1])
        period = ReportingPeriod.objects.create(
            partnership=partnership, kind=PeriodKind.QUARTER, start=start, end=end, label=f"Q{back}", status="open"
        )
        hooks.run("period_opened", actor=coordinator, period=period)
        periods.append(period)
    return partnership, coordinator, first_org, first_spoc, periods


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    narrative = {k: "Bench text." for k in ("progress", "problems", "priorities", "points_for_action")}
    try:
        t0 = time.perf_counter()
        partnership, coordinator, org, spoc, periods = build()
        print(f"built 60 organisations x 12 quarters in {time.perf_counter() - t0:.1f} s")
        from reports.models import Return
        from reports.returns import services

        print(f"returns: {Return.objects.count()}")
        client = Client()
        client.force_login(coordinator)
        dashboard = reverse("reports:returns", kwargs={"slug": partnership.slug})
        ms, queries = _median_ms(lambda: client.get(dashboard))
        print(f"completeness dashboard: median {ms:.0f} ms, {queries} queries")

        return_ = Return.objects.get(organisation=org, period=periods[-1])
        spoc_client = Client()
        spoc_client.force_login(spoc)
        form = reverse("reports:return_detail", kwargs={"slug": partnership.slug, "pk": return_.pk})
        ms, queries = _median_ms(lambda: spoc_client.get(form))
        print(f"return form with 40 figures: median {ms:.0f} ms, {queries} queries")

        figures = {f.indicator_id: f for f in return_.figures.select_related("indicator")}
        times = []
        for run in range(RUNS):
            data = {**narrative, "submit": ""}
            for ind_id, figure in figures.items():
                value = 10 + run
                data[f"f{ind_id}-value"] = str(value)
                if figure.indicator.disaggregation:
                    data[f"f{ind_id}-age_group-adult"] = str(value - 1)
                    data[f"f{ind_id}-age_group-child"] = "1"
            start = time.perf_counter()
            response = spoc_client.post(form, data)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 302, response.status_code
            services.return_send_back(actor=coordinator, return_=return_, reason="Again")
        print(f"save and submit a return with 40 figures (view + service): median {statistics.median(times):.0f} ms")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
