"""The one import pipeline (aspm/imports) at county size: figures through read → map → check → commit.

    cp /tmp/large.sqlite3 /tmp/imports.sqlite3   # a copy of `seed_demo --size large`
    DATABASE_URL=sqlite:////tmp/imports.sqlite3 DEBUG=true .venv/bin/python bench/import_pipeline_bench.py

Builds a workbook of N figures (BENCH_ROWS, default the row cap 5,000) in the partnership's own
layout (a title row, its own headings "Measure | Quarter | Agency | Count | Notes", the rows split
over three sheets), then times each step as the page runs it: reading every sheet and finding the
header rows, guessing the mapping, reading the values, the dry run, and the commit. Prints the peak
resident memory of the process. Everything is rolled back at the end. Asserts nothing.
"""

from __future__ import annotations

import io
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from aspm.imports import flow, mapping, reading  # noqa: E402
from aspm.spreadsheets import MAX_ROWS  # noqa: E402
from indicators.measurement import services  # noqa: E402
from indicators.measurement.import_kinds import import_kind  # noqa: E402
from indicators.models import Indicator, PeriodKind, PeriodStatus, ReportingPeriod  # noqa: E402
from partnerships.models import Partnership, User  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", str(MAX_ROWS)))
HEADINGS = ["Measure", "Quarter", "Agency", "Count", "Notes"]


def _workbook(partnership, periods, n: int) -> tuple[bytes, int, list]:
    book = Workbook()  # shared strings, as Excel writes them (write-only mode's inline strings parse 3x slower)
    book.remove(book.active)
    sheets = [book.create_sheet(name) for name in ("Pursue", "Protect", "Prevent")]
    for sheet in sheets:
        sheet.append([f"{partnership.name}: monitoring return"])
        sheet.append(HEADINGS)
    indicators = Indicator.objects.filter(partnership=partnership).prefetch_related("reporting_organisations")
    rows, used = 0, []
    for period in periods:
        if rows == n:
            break
        used.append(period)
        for indicator in indicators:
            if (indicator.frequency == "monthly") != (period.kind == PeriodKind.MONTH):
                continue  # a level read monthly has no separate quarter figure
            for organisation in indicator.reporting_organisations.all():
                value = {"percentage": "55%", "score": 3, "yes_no": "yes"}.get(indicator.unit, "1,204")
                sheets[rows % 3].append([indicator.code, period.label, organisation.name, value, "bench – £"])
                rows += 1
                if rows == n:
                    break
            if rows == n:
                break
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), rows, used


def _timed(label: str, call):
    start = time.perf_counter()
    result = call()
    print(f"{label:<52} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    partnership = Partnership.objects.filter(slug="westmoor").first()
    if partnership is None:
        raise SystemExit("Run `seed_demo --size large` first.")
    actor = User.objects.get(email="coordinator@westmoor.example")
    kind = import_kind("figures")
    print(f"Import pipeline on {connection.vendor}: {ROWS:,} figures")
    with transaction.atomic():
        # The open quarter first, then the quarters and months not open yet (opened here, inside the
        # transaction that is rolled back), until the workbook has N figures.
        candidates = list(
            ReportingPeriod.objects.filter(
                partnership=partnership,
                kind__in=(PeriodKind.QUARTER, PeriodKind.MONTH),
                status__in=(PeriodStatus.OPEN, PeriodStatus.NOT_OPEN),
            ).order_by("status", "start", "kind")
        )
        content, count, used = _workbook(partnership, candidates, ROWS)
        for period in used:
            if period.status == PeriodStatus.NOT_OPEN:
                services.period_open(actor=actor, period=period)
        print(f"workbook: {count:,} figures, {len(content) / 1024:.0f} KB, 3 sheets, a title row above the headings")
        sheets = _timed("read every sheet, find the header rows", lambda: reading.read_sheets(
            content, score=mapping.score_for(kind.fields)))  # fmt: skip
        headers = list(dict.fromkeys(h for s in sheets for h in s.headers if h))
        columns = _timed("guess the mapping", lambda: mapping.guess(headers, kind.fields))
        assert not mapping.missing(columns, kind.fields), columns
        rows = mapping.apply(sheets, columns)
        bad = _timed("read the values (£, %, yes/no)", lambda: flow.prepare(rows, kind.fields))
        assert not bad, list(bad.items())[:3]
        for dry_run in (True, False):
            outcome = _timed(
                "check every row (dry run)" if dry_run else "commit",
                lambda dry_run=dry_run: kind.run(actor=actor, partnership=partnership, rows=rows, dry_run=dry_run),
            )
            assert outcome.ok, [r.errors for r in outcome.bad_rows[:3]] + outcome.file_errors
        transaction.set_rollback(True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
