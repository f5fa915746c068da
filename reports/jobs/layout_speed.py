"""Speed and size fixes for laying out a long report with WeasyPrint, measured with bench/annual_report.py.

1. Python's cyclic garbage collector. Laying out a county's report builds millions of small objects
   (boxes, styles, text runs) that live until the PDF is written; with the default thresholds the
   collector walks them again and again, about a sixth of the render. ``relaxed_gc`` raises the
   thresholds for the render only and restores them after (the memory peak is unchanged: these
   objects are not garbage until the end).

2. pydyf's ``PDF.page_references`` builds a tuple of every page's reference each time it is read, and
WeasyPrint's PDF/UA tagging reads it once per tagged box: pages × boxes work, half a second at 137
pages and growing with the square of the report. The replacement returns the same tuple, built
again only when a page has been added since (the Kids array grows by three entries per page).

3. Each page's drawing is a pydyf stream kept, until the whole PDF is written, as a list of every
   operator and number drawn (hundreds of thousands of small objects in a county's report). pydyf
   joins the list into one byte string when it writes the stream; ``_paint`` joins it the same way as
   soon as the page is drawn, so the list's small objects are freed page by page. The bytes written
   are the same (the test compares two PDFs); a county's report peaks some 20 MB lower.

4. SVG text, which WeasyPrint lays out and draws letter by letter: ``svg_text`` sets a chart's
   labels as one run each (see there).

5. pydyf deflates every stream at zlib's level 9, which on a county's 9 MB of page drawing costs
   most of a second for 4 % less file than zlib's own default level (6) at a fifth of the time.
   ``_stream_data`` is pydyf's ``Stream.data`` at level 6: the same stream once inflated.

6. The HTML parser's regular expressions, which tinyhtml5 caches under the wrong key and so builds
   anew for every attribute and run of text: ``html_parse_speed`` caches them (see there).

7. Python 3.11's frame stack, mapped and unmapped a chunk at a time as the layout's recursion loops
   across a chunk's end: ``render_pdf`` lays out through ``stack_room.call_with_room`` (see there).
"""

from __future__ import annotations

import gc
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import pydyf
from weasyprint.document import Page

from . import html_parse_speed, svg_text

_original = pydyf.PDF.page_references
_original_paint = Page.paint
_original_stream_data = pydyf.Stream.data
COMPRESSION = 6  # zlib's default: what pydyf's level 9 gives within 5 %, at a fifth of the time


def _page_references(self) -> tuple[bytes, ...]:
    pages = getattr(self, "pages", None)
    kids = pages.get("Kids") if isinstance(pages, dict) else None
    if not isinstance(kids, list):  # a pydyf whose insides changed: use its own code
        return _original.fget(self)
    cached = self.__dict__.get("_aspm_page_references")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        self.__dict__["_aspm_page_references"] = cached
    return cached[1]


def _paint(self, stream, scale=1) -> None:
    _original_paint(self, stream, scale)
    items = getattr(stream, "stream", None)
    if isinstance(items, list):  # as pydyf's Stream.data joins them when it writes the stream
        items[:] = [b"\n".join(pydyf._to_bytes(item) for item in items)]


def _stream_data(self) -> bytes:
    if not self.compress:
        return _original_stream_data.fget(self)
    extra = pydyf.Dictionary(self.extra.copy())
    extra["Filter"] = "/FlateDecode"
    stream = zlib.compress(b"\n".join(pydyf._to_bytes(item) for item in self.stream), COMPRESSION)
    extra["Length"] = len(stream)
    return b"\n".join((extra.data, b"stream", stream, b"endstream"))


def apply() -> None:
    pydyf.PDF.page_references = property(_page_references)
    Page.paint = _paint
    pydyf.Stream.data = property(_stream_data)
    svg_text.apply()
    html_parse_speed.apply()


def original_stream_data(stream: pydyf.Stream) -> bytes:
    """What pydyf itself writes (for the test that both inflate to the same stream)."""
    return _original_stream_data.fget(stream)


def restore_paint() -> None:
    """WeasyPrint's own page painting (for the test that both write the same PDF)."""
    Page.paint = _original_paint


def original_page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """What pydyf itself returns (for the test that the two agree)."""
    return _original.fget(pdf)


_lock = threading.Lock()
_active = 0
_saved: tuple[int, ...] = ()


@contextmanager
def relaxed_gc(first_generation: int = 100_000) -> Iterator[None]:
    """The thresholds are process-wide: the first render in sets them, the last one out restores them
    (two renders on threads, e.g. eager tasks under a threaded server, must not strand them)."""
    global _active, _saved
    with _lock:
        if _active == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(first_generation, 20, 20)
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                gc.set_threshold(*_saved)
