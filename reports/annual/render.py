"""Turn a report context into sections, HTML and a tagged PDF, reporting progress as it goes.

Stages and the share of the progress bar each moves through:
gathering data (5–40 %), drawing charts (40–55 %), laying out pages (55–95 %); the job saves the
file and finishes (95–100 %).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from reports.models import ReportStage

from .registry import all_sections
from .sections.base import RenderedSection, ReportContext

Progress = Callable[[str, int], None]


def _no_progress(stage: str, percent: int) -> None:
    pass


@dataclass
class Timings:
    gather: float = 0.0
    charts: float = 0.0
    html: float = 0.0
    layout: float = 0.0  # WeasyPrint: layout and PDF writing
    extra: dict = field(default_factory=dict)

    @property
    def data_and_charts(self) -> float:
        return self.gather + self.charts


@dataclass
class PDFResult:
    content: bytes
    pages: int
    refused_urls: list[str]


def build_sections(ctx: ReportContext, *, progress: Progress = _no_progress, timings: Timings | None = None):
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


def render_pdf(
    html: str,
    *,
    progress: Progress = _no_progress,
    timings: Timings | None = None,
    partnership_id: int | None = None,
) -> PDFResult:
    """Lay the HTML out on A4 pages with WeasyPrint and write a tagged PDF (PDF/UA-1).

    Media files may be used only if they are ``partnership_id``'s (none without it)."""
    timings = timings or Timings()
    # WeasyPrint takes seconds to import: load it in the worker when a PDF is made, not at start-up.
    from weasyprint import HTML

    from . import layout_speed
    from .fetcher import BASE_URL, ReportURLFetcher

    layout_speed.apply()

    fetcher = ReportURLFetcher(partnership_id=partnership_id)
    progress(ReportStage.LAYOUT, 60)
    started = time.perf_counter()
    with layout_speed.relaxed_gc():
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()
        progress(ReportStage.LAYOUT, 85)
        content = document.write_pdf(pdf_variant="pdf/ua-1")
    timings.layout = time.perf_counter() - started
    progress(ReportStage.LAYOUT, 95)
    return PDFResult(content=content, pages=len(document.pages), refused_urls=fetcher.refused)
