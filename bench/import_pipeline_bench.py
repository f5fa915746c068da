"""The one import pipeline (aspm/imports) at county size: figures through read → map → check → commit.

    cp /tmp/large.sqlite3 /tmp/imports.sqlite3   # a copy of `seed_demo --size large`
    DATABASE_URL=sqlite:////tmp/imports.sqlite3 DEBUG=true .venv/bin/python bench/import_pipeline_bench.py

Builds a workbook of N figures (BENCH_ROWS, default 10,000; the row cap is 100,000) in the
partnership's own layout (a title row, its own headings "Measure | Quarter | Agency | Count | Notes",
the rows split over three sheets), then times each step as the page runs it: reading every sheet
and finding the header rows, guessing the mapping, reading the values, the dry run, and the commit.
Past the figures the partnership's open and coming periods hold, financial years ahead are added.
The workbook is built in a child process (openpyxl holds every cell while writing), so the peak
resident memory printed is that of the import alone, Django and the models included. Everything
(periods opened or added, figures, audit events) is rolled back at the end. Asserts nothing.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# DEBUG=true (needed to run without production secrets) also keeps every SQL statement in
# connection.queries, 1,000-row inserts included: tens of MB a production process never holds.
settings.DEBUG = False

from django.db import connection, transaction  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from aspm.imports import flow, mapping, reading  # noqa: E402
from indicators.measurement import services  # noqa: E402
from indicators.measurement.import_kinds import import_kind  # noqa: E402
from indicators.models import Indicator, PeriodKind, PeriodStatus, ReportingPeriod  # noqa: E402
from partnerships.models import Partnership, User  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "10000"))
HEADINGS = ["Measure", "Quarter", "Agency", "Count", "Notes"]


def _figure_rows(partnership, actor, n: int):
    """Open (inside the caller's transaction, rolled back) the periods needed for N figures, adding
    financial years ahead when the partnership's own are too few; return the figures as rows."""
    indicators = list(Indicator.objects.filter(partnership=partnership).prefetch_related("reporting_organisations"))
    year = ReportingPeriod.objects.filter(partnership=partnership, kind=PeriodKind.YEAR).order_by("-start").first()
    rows: list[tuple] = []
    while len(rows) < n:
        rows, used = [], []
        candidates = ReportingPeriod.objects.filter(
            partnership=partnership,
            kind__in=(PeriodKind.QUARTER, PeriodKind.MONTH),
            status__in=(PeriodStatus.OPEN, PeriodStatus.NOT_OPEN),
        ).order_by("status", "start", "kind")
        for period in candidates:
            if len(rows) == n:
                break
            used.append(period)
            for indicator in indicators:
                if (indicator.frequency == "monthly") != (period.kind == PeriodKind.MONTH):
                    continue  # a level read monthly has no separate quarter figure
                for organisation in indicator.reporting_organisations.all():
                    value = {"percentage": "55%", "score": 3, "yes_no": "yes"}.get(indicator.unit, "1,204")
                    rows.append((indicator.code, period.label, organisation.name, value, "bench – £"))
                    if len(rows) == n:
                        break
                if len(rows) == n:
                    break
        if len(rows) < n:  # a year more, as a partnership recording years ahead would
            start = year.start.replace(year=year.start.year + 1)
            services.periods_ensure_year(actor=actor, partnership=partnership, year_start=start)
            year = ReportingPeriod.objects.get(partnership=partnership, kind=PeriodKind.YEAR, start=start)
    for period in used:
        if period.status == PeriodStatus.NOT_OPEN:
            services.period_open(actor=actor, period=period)
    return rows


def _write_workbook(partnership, rows, path: str) -> None:
    book = Workbook()  # shared strings, as Excel writes them (write-only mode's inline strings parse 3x slower)
    book.remove(book.active)
    sheets = [book.create_sheet(name) for name in ("Pursue", "Protect", "Prevent")]
    for sheet in sheets:
        sheet.append([f"{partnership.name}: monitoring return"])
        sheet.append(HEADINGS)
    for i, row in enumerate(rows):
        sheets[i % 3].append(list(row))
    book.save(path)


TAKEN: dict[str, float] = {}
READ, VALUES = "read every sheet, find the header rows", "read the values (£, %, yes/no)"
CHECK, COMMIT = "check every row (dry run)", "commit (checks every row again, then writes)"


def _timed(label: str, call):
    start = time.perf_counter()
    result = call()
    TAKEN[label] = time.perf_counter() - start
    print(f"{label:<52} {TAKEN[label]:6.2f} s  (peak so far {_peak():.0f} MB)")
    return result


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _build(path: str) -> None:
    """In a child process, so that building the workbook (openpyxl holds every cell) is not in the peak."""
    partnership = Partnership.objects.get(slug="westmoor")
    actor = User.objects.get(email="coordinator@westmoor.example")
    with transaction.atomic():
        _write_workbook(partnership, _figure_rows(partnership, actor, ROWS), path)
        transaction.set_rollback(True)


def main() -> None:
    partnership = Partnership.objects.filter(slug="westmoor").first()
    if partnership is None:
        raise SystemExit("Run `seed_demo --size large` first.")
    actor = User.objects.get(email="coordinator@westmoor.example")
    kind = import_kind("figures")
    print(f"Import pipeline on {connection.vendor}: {ROWS:,} figures")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "figures.xlsx")
        subprocess.run([sys.executable, __file__, "--build", path], check=True)  # noqa: S603
        content = Path(path).read_bytes()
    print(f"before reading: {_peak():.0f} MB resident at the peak (Django, the models, the workbook's bytes)")
    with transaction.atomic():
        count = len(_figure_rows(partnership, actor, ROWS))  # the same periods opened, in this transaction
        print(f"workbook: {count:,} figures, {len(content) / 1024:.0f} KB, 3 sheets, a title row above the headings")
        sheets = _timed(READ, lambda: reading.read_sheets(
            content, score=mapping.score_for(kind.fields)))  # fmt: skip
        headers = list(dict.fromkeys(h for s in sheets for h in s.headers if h))
        columns = _timed("guess the mapping", lambda: mapping.guess(headers, kind.fields))
        assert not mapping.missing(columns, kind.fields), columns
        rows = mapping.apply(sheets, columns)
        for sheet in sheets:
            sheet.keep_samples_only()  # as the page does (aspm.imports.flow._check)
        bad = _timed(VALUES, lambda: flow.prepare(rows, kind.fields))
        assert not bad, list(bad.items())[:3]
        for dry_run in (True, False):
            outcome = _timed(
                CHECK if dry_run else COMMIT,
                lambda dry_run=dry_run: kind.run(actor=actor, partnership=partnership, rows=rows, dry_run=dry_run),
            )
            assert outcome.ok, [r.errors for r in outcome.bad_rows[:3]] + outcome.file_errors
            del outcome
        transaction.set_rollback(True)
    read, values, check, commit = (TAKEN[k] for k in (READ, VALUES, CHECK, COMMIT))
    print(f"the upload's request (read, map, values, dry run) about {read + values + check:.1f} s;")
    print(f"the confirmation's request (read again, values, commit) about {read + values + commit:.1f} s")
    print(f"peak resident memory of the process: {_peak():.0f} MB")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build"]:
        _build(sys.argv[2])
    else:
        main()
