"""Two speed fixes for laying out a long report with WeasyPrint, measured with bench/annual_report.py.

1. Python's cyclic garbage collector. Laying out a county's report builds millions of small objects
   (boxes, styles, text runs) that live until the PDF is written; with the default thresholds the
   collector walks them again and again, about a sixth of the render. ``relaxed_gc`` raises the
   thresholds for the render only and restores them after (the memory peak is unchanged: these
   objects are not garbage until the end).

2. pydyf's ``PDF.page_references`` builds a tuple of every page's reference each time it is read, and
WeasyPrint's PDF/UA tagging reads it once per tagged box: pages × boxes work, half a second at 137
pages and growing with the square of the report. The replacement returns the same tuple, built
again only when a page has been added since (the Kids array grows by three entries per page).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pydyf

_original = pydyf.PDF.page_references


def _page_references(self) -> tuple[bytes, ...]:
    kids = self.pages["Kids"]
    cached = self.__dict__.get("_aspm_page_references")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        self.__dict__["_aspm_page_references"] = cached
    return cached[1]


def apply() -> None:
    pydyf.PDF.page_references = property(_page_references)


def original_page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """What pydyf itself returns (for the test that the two agree)."""
    return _original.fget(pdf)


@contextmanager
def relaxed_gc(first_generation: int = 100_000) -> Iterator[None]:
    previous = gc.get_threshold()
    gc.set_threshold(first_generation, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
