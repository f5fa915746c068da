"""The plan workbook at demo and county size: export, import into an empty partnership, export again.

    cp /tmp/large.sqlite3 /tmp/plan.sqlite3   # a copy of `seed_demo --size large`
    DATABASE_URL=sqlite:////tmp/plan.sqlite3 DEBUG=true .venv/bin/python bench/plan_workbook_bench.py [slug]

For the partnership (default Greater Westmoor): times the export, then makes an empty partnership with
organisations and sub-groups of the same names (as a partnership adopting a template would have), reads
the workbook through the import pipeline (every sheet, headings found, columns guessed), runs the dry run
and the import, exports the copy and says whether the two workbooks are equal cell by cell. Prints the
sheets' sizes and the peak resident memory. Everything is rolled back at the end. Asserts nothing.
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

from django.db import transaction  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from aspm.imports import mapping, reading  # noqa: E402
from indicators.strategy.plan_import_kinds import PLAN  # noqa: E402
from indicators.strategy.plan_workbook import plan_xlsx  # noqa: E402
from partnerships.access import scoped  # noqa: E402
from partnerships.models import Membership, Organisation, Partnership, Role, SubGroup  # noqa: E402


def _cells(content: bytes) -> dict:
    book = load_workbook(io.BytesIO(content))
    return {s.title: [tuple(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}


def _timed(label: str, call):
    start = time.perf_counter()
    result = call()
    print(f"{label:<34} {time.perf_counter() - start:6.2f} s")
    return result


class _Rollback(Exception):
    pass


def main(slug: str) -> None:
    from indicators.strategy import services as strategy
    from partnerships import services as tenancy

    source = Partnership.objects.get(slug=slug)
    actor = Membership.objects.filter(partnership=source, role=Role.COORDINATOR).first().user
    first = _timed("export", lambda: plan_xlsx(source))
    sizes = {name: len(rows) - 1 for name, rows in _cells(first).items()}
    print(f"{source.name}: {len(first):,} bytes;", ", ".join(f"{n} {k}" for k, n in sizes.items()))
    try:
        with transaction.atomic():
            copy = tenancy.partnership_create(actor=None, name=f"{source.name} (copy)", slug=f"{slug}-copy", area="x")
            for org in scoped(source, Organisation):
                tenancy.organisation_create(actor=None, partnership=copy, name=org.name, sector=org.sector)
            for group in scoped(source, SubGroup):
                strategy.subgroup_create(actor=actor, partnership=copy, name=group.name, chair=None, members=[])
            score = mapping.score_for(PLAN.fields)
            sheets = _timed("read every sheet", lambda: reading.read_sheets(first, score=score))
            headers = list(dict.fromkeys(h for s in sheets for h in s.headers if h))
            rows = mapping.apply(sheets, mapping.guess(headers, PLAN.fields))
            check = _timed("dry run", lambda: PLAN.run(actor=actor, partnership=copy, rows=rows, dry_run=True))
            print(f"  {len(check.rows)} rows, {len(check.bad_rows)} bad, file errors: {check.file_errors or 'none'}")
            done = _timed("import", lambda: PLAN.run(actor=actor, partnership=copy, rows=rows, dry_run=False))
            again = _timed("export the copy", lambda: plan_xlsx(copy))
            print("written:", done.written, "| equal cell by cell:", _cells(first) == _cells(again))
            raise _Rollback
    except _Rollback:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "westmoor")
