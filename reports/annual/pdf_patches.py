"""One speed fix for the tagged PDF WeasyPrint writes, applied when a report is rendered.

pydyf's ``PDF.page_references`` builds a tuple of every page's reference each time it is read, and
WeasyPrint's PDF/UA tagging reads it once per tagged box: pages × boxes work, half a second at 137
pages and growing with the square of the report. The replacement returns the same tuple, built
again only when a page has been added since (the Kids array grows by three entries per page).
"""

from __future__ import annotations

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
