"""Benchmark the annual M&E report: total time, data + charts vs WeasyPrint layout, peak memory.

    DEBUG=true .venv/bin/python bench/annual_report.py [--slug northshire] [--publication]

Runs against the database in the environment (after ``manage.py seed_demo``; ``--size large``
for Greater Westmoor, ``--slug westmoor``). Targets (issues 8 and 18): normal demo under 5 s; large
demo under 15 s of CPU with data + charts at most half of WeasyPrint's time, and a peak under 600 MB.
Memory is the process's peak resident set (ru_maxrss), as a worker child would see it. Compare CPU
time, not wall time, on a shared machine, and alternate old and new code on the same database.
Measured 4 December 2026, 2 shared CPUs, old and new code alternated in five pairs on the same data:
Greater Westmoor 185 pages, 8.2-9.9 s CPU (layout 7.6-9.1 s), 8.6-10.3 s wall, 457 MB, some 75,000 page
faults in the layout; Northshire 59 pages, 2.7-3.0 s CPU, 3.0-3.6 s wall, 260 MB. Without the frame-stack
and parser fixes (reports/jobs/stack_room.py, html_parse_speed.py): Westmoor 9.1-10.2 s CPU (layout
8.4-9.4 s), 9.6-10.6 s wall, 170,000 page faults; Northshire 3.0-3.3 s CPU, 3.1-3.6 s wall. Each new run
used 0.3-1.1 s (Westmoor) and 0.05-0.45 s (Northshire) less CPU than the old one beside it.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from indicators.models import Indicator, Objective  # noqa: E402
from partnerships.models import Organisation, Partnership  # noqa: E402
from reports.annual.registry import default_section_keys  # noqa: E402
from reports.annual.render import build_sections, render_html  # noqa: E402
from reports.annual.sections.base import ReportContext  # noqa: E402
from reports.annual.years import year_containing  # noqa: E402
from reports.jobs.pdf import Timings, render_pdf  # noqa: E402


class AuditClock:
    """Time spent in the disclosure engine (``protect``), wherever the report calls it."""

    def __init__(self):
        import aspm.disclosure.suppression as suppression
        import reports.count_protection as counts

        self.seconds, self.systems, self.hidden = 0.0, 0, 0
        self.modules = (counts, suppression)
        self.original = counts.protect
        for module in self.modules:
            module.protect = self.timed

    def timed(self, figures, policy, **knowledge):
        started = time.perf_counter()
        cells = self.original(figures, policy, **knowledge)
        self.seconds += time.perf_counter() - started
        self.systems += 1
        self.hidden += sum(c.suppressed for c in cells)
        return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slug", default="northshire")
    parser.add_argument("--publication", action="store_true")
    parser.add_argument("--out", type=Path, help="also write the PDF here, to look at it")
    args = parser.parse_args()

    partnership = Partnership.objects.get(slug=args.slug)
    year = year_containing(partnership, timezone.localdate())
    ctx = ReportContext(
        partnership=partnership,
        year=year,
        as_of=timezone.now(),
        for_publication=args.publication,
        section_keys=default_section_keys(),
        foreword="Benchmark run.",
    )
    clock = AuditClock()
    timings = Timings()
    started, cpu_started = time.perf_counter(), time.process_time()
    sections = build_sections(ctx, timings=timings)
    cpu_data = time.process_time() - cpu_started
    t0 = time.perf_counter()
    html = render_html(ctx, sections, template="reports/annual/pdf.html")
    timings.html = time.perf_counter() - t0
    cpu_layout_start = time.process_time()
    faults_before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    result = render_pdf(html, timings=timings)
    cpu_layout = time.process_time() - cpu_layout_start
    layout_faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_before
    total, cpu_total = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"Partnership: {partnership.name} ({args.slug}), year {year.label}")
    print(
        f"Size: {Organisation.objects.filter(partnership=partnership).count()} organisations, "
        f"{Objective.objects.filter(partnership=partnership).count()} objectives, "
        f"{Indicator.objects.filter(partnership=partnership).count()} indicators; "
        f"{result.pages} pages, {len(result.content) / 1024:.0f} KiB PDF, {len(html) / 1024:.0f} KiB HTML"
    )
    print(f"Total:                 {total:6.2f} s")
    print(
        f"Disclosure audit:      {clock.seconds:6.2f} s ({clock.systems} systems of figures, "
        f"{clock.hidden} figures hidden; policy {ctx.disclosure.summary if ctx.disclosure else 'none: internal'})"
    )
    split = f"(data {timings.gather:.2f}, charts {timings.charts:.2f})"
    print(f"Data + charts:         {timings.data_and_charts:6.2f} s {split}")
    print(f"Template to HTML:      {timings.html:6.2f} s")
    print(f"WeasyPrint layout+PDF: {timings.layout:6.2f} s")
    print(f"Ratio data+charts / layout: {timings.data_and_charts / timings.layout:.2f}")
    print(f"CPU time (this process): total {cpu_total:.2f} s, data+charts {cpu_data:.2f} s, layout {cpu_layout:.2f} s")
    print(f"Page faults in layout: {layout_faults} (memory first touched: dear on a virtual machine)")
    print(f"Load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times suffer)")
    print(f"Peak memory (RSS):     {peak_mb:6.0f} MB")
    if args.out:
        args.out.write_bytes(result.content)
        print(f"Written to {args.out}")


if __name__ == "__main__":
    main()
