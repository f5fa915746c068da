"""Lay a report's HTML out as a tagged PDF with WeasyPrint, reporting progress as it goes: the same
for every kind of report."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from reports.models import ReportStage

Progress = Callable[[str, int], None]


def no_progress(stage: str, percent: int) -> None:
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


def render_pdf(
    html: str,
    *,
    progress: Progress = no_progress,
    timings: Timings | None = None,
    partnership_id: int | None = None,
) -> PDFResult:
    """Lay the HTML out on A4 pages with WeasyPrint and write a tagged PDF (PDF/UA-1).

    Media files may be used only if they are ``partnership_id``'s (none without it)."""
    timings = timings or Timings()
    # WeasyPrint takes seconds to import: load it in the worker when a PDF is made, not at start-up.
    from . import layout_speed
    from .fetcher import BASE_URL, ReportURLFetcher
    from .stack_room import call_with_room
    from .ua_stylesheet import LeanHTML

    layout_speed.apply()

    fetcher = ReportURLFetcher(partnership_id=partnership_id)
    progress(ReportStage.LAYOUT, 60)
    started = time.perf_counter()

    def lay_out():
        document = LeanHTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()
        progress(ReportStage.LAYOUT, 85)
        return document, document.write_pdf(pdf_variant="pdf/ua-1")

    with layout_speed.relaxed_gc():
        document, content = call_with_room(lay_out)  # no frame-stack chunk mapped and unmapped per call
    timings.layout = time.perf_counter() - started
    progress(ReportStage.LAYOUT, 95)
    return PDFResult(content=content, pages=len(document.pages), refused_urls=fetcher.refused)
