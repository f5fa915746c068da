"""Time the cross-partnership benchmarking read and the health page's process goals on the demo data.

DEBUG=true .venv/bin/python bench/benchmarking.py [--slug northshire]
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

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from indicators.measurement.benchmarks import benchmarks  # noqa: E402
from partnerships.health.goals import quarters  # noqa: E402
from partnerships.health.overview import goal_rows  # noqa: E402
from partnerships.models import Partnership  # noqa: E402


def timed(fn, runs: int = 20) -> tuple[float, int]:
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(ctx.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--slug", default="northshire")
    args = parser.parse_args()
    partnership = Partnership.objects.get(slug=args.slug)
    page = benchmarks(partnership)
    ms, queries = timed(lambda: benchmarks(partnership))
    print(f"benchmarks({args.slug}): {len(page.comparisons)} comparisons, median {ms:.1f} ms, {queries} queries")
    qs = quarters(partnership, count=6)
    ms, queries = timed(lambda: goal_rows(partnership, qs), runs=5)
    print(f"process goals, 6 quarters (with charts): median {ms:.1f} ms, {queries} queries")


if __name__ == "__main__":
    main()
