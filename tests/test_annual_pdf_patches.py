"""The page-reference cache gives the tagged PDF exactly what pydyf would, as pages are added."""

from __future__ import annotations

import pydyf

from reports.annual import pdf_patches


def test_cached_page_references_match_pydyfs_own_as_pages_are_added():
    pdf_patches.apply()
    pdf = pydyf.PDF()
    seen = []
    for _ in range(5):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        seen.append(pdf.page_references)
        assert pdf.page_references == pdf_patches.original_page_references(pdf)
    assert [len(refs) for refs in seen] == [1, 2, 3, 4, 5]
    assert pdf.page_references is pdf.page_references  # built once until the next page
