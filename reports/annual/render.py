"""Turn an annual report context into sections and HTML, reporting progress as it goes (the PDF:
``reports.jobs.pdf``).

Stages and the share of the progress bar each moves through:
gathering data (5–40 %), drawing charts (40–55 %), laying out pages (55–95 %); the job saves the
file and finishes (95–100 %).
"""

from __future__ import annotations

import time

from django.template.loader import render_to_string

from reports.jobs.pdf import Progress, Timings, no_progress
from reports.models import ReportStage

from .registry import all_sections
from .sections.base import RenderedSection, ReportContext


def build_sections(ctx: ReportContext, *, progress: Progress = no_progress, timings: Timings | None = None):
    """Gather every included section's data, then draw its charts."""
    timings = timings or Timings()
    chosen = set(ctx.section_keys)
    sections = [s for s in all_sections() if not s.choosable or s.key in chosen]
    started = time.perf_counter()
    rendered: list[RenderedSection] = []
    for i, section in enumerate(sections):
        data = section.gather(ctx)
        ctx.notes[f"data:{section.key}"] = data  # what a summary (the "At a glance" page) reads back
        if data is not None:
            rendered.append(RenderedSection(section, data))
        progress(ReportStage.GATHERING, 5 + int(35 * (i + 1) / len(sections)))
    timings.gather = time.perf_counter() - started
    started = time.perf_counter()
    with_charts = [r for r in rendered if r.section.draw]
    for i, item in enumerate(with_charts):
        item.data = item.section.draw(ctx, item.data)
        progress(ReportStage.CHARTS, 40 + int(15 * (i + 1) / len(with_charts)))
    timings.charts = time.perf_counter() - started
    return rendered


def render_html(ctx: ReportContext, sections: list[RenderedSection], *, template: str, extra=None, request=None):
    contents = [s for s in sections if s.section.in_contents]
    has_data = bool(ctx.notes.get("objective_count") or ctx.notes.get("indicator_count"))
    context = {"report": ctx, "sections": sections, "contents": contents, "has_data": has_data, **(extra or {})}
    return render_to_string(template, context, request=request)
