"""Check that no hidden count in the demo's published outputs can be recovered or narrowed.

    DEBUG=true .venv/bin/python bench/published_outputs_check.py [--slug westmoor] [--threshold 20] [--nhs]

For each partnership (or ``--slug``), builds the annual report's publication version for the current
year and the figures export for publication (every year), catches every system of figures sent through
the disclosure engine, and checks each with the independent solver in ``tests/disclosure_checks.py``
(exhaustive search over whole numbers; integer programming for a year with a cross-tab): every
hidden figure must keep at least as many possible values as the policy hides. ``--threshold``/``--nhs``
try another policy than the partnership's own. Prints the counts and any figure that fails; exits 1 if one does.

Then, across outputs: what the partnership could publish during the current year, in order (each
quarter's report for publication and the figures spreadsheet at each quarter's end, then the annual
report), each recorded in the disclosure ledger as its job would, and checked together as a reader
who kept them all would combine them (``tests.disclosure_capture.exposed_across``). Nothing is kept:
the ledger rows are rolled back.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from aspm.disclosure.policy import NHS, THRESHOLD, Policy  # noqa: E402
from partnerships.models import Partnership  # noqa: E402
from partnerships.selectors import disclosure_policy  # noqa: E402
from tests.disclosure_capture import exposed, exposed_across, outputs_of_the_year, published_systems  # noqa: E402


class RollBack(Exception):
    pass


def check_across(partnership) -> tuple[int, int, list]:
    """(outputs, hidden figures printed, failures) for one year's outputs together; nothing kept."""
    result = None
    try:
        with transaction.atomic():
            outputs = outputs_of_the_year(partnership)
            hidden = sum(p.hidden for printed in outputs for p in printed)
            result = (len(outputs), hidden, exposed_across(outputs, disclosure_policy(partnership)))
            raise RollBack
    except RollBack:
        pass
    return result


def check(partnership, policy: Policy | None) -> tuple[int, int, list]:
    """(systems, hidden figures, failures) for one partnership's published outputs."""
    systems = published_systems(partnership, policy)
    failures = []
    hidden = 0
    for figures, used, cells in systems:
        hidden += sum(c.suppressed for c in cells)
        for index, (lo, hi) in exposed(figures, used, cells):
            failures.append((figures.values, figures.relations, [c.text for c in cells], index, lo, hi))
    return len(systems), hidden, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slug")
    parser.add_argument("--threshold", type=int)
    parser.add_argument("--nhs", action="store_true")
    args = parser.parse_args()
    policy = Policy(NHS) if args.nhs else Policy(THRESHOLD, args.threshold) if args.threshold else None
    partnerships = Partnership.objects.filter(slug=args.slug) if args.slug else Partnership.objects.order_by("slug")
    failed = 0
    for partnership in partnerships:
        started = time.perf_counter()
        systems, hidden, failures = check(partnership, policy)
        used = policy or disclosure_policy(partnership)
        print(
            f"{partnership.slug}: {systems} systems, {hidden} hidden figures, {len(failures)} narrowed "
            f"below {used.protection_width} values ({used.label}, threshold {used.hide_below}); "
            f"{time.perf_counter() - started:.1f} s"
        )
        for values, relations, texts, index, lo, hi in failures[:5]:
            print(
                f"   figure {index} ({values[index]}) can only be {lo}..{hi}: "
                f"values {values}, shown {texts}, {relations}"
            )
        failed += len(failures)
        if policy is None:  # across outputs: under the partnership's own policy
            started = time.perf_counter()
            outputs, hidden, failures = check_across(partnership)
            print(
                f"{partnership.slug}: across {outputs} outputs of the year, {hidden} hidden figures printed, "
                f"{len(failures)} narrowed; {time.perf_counter() - started:.1f} s"
            )
            for failure in failures[:5]:
                print(f"   indicator {failure[0]}, figure {failure[1]}: only {failure[2]}")
            failed += len(failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
