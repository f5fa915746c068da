"""The layout speed fixes change nothing but speed: the same page references, the same GC settings after,
the same page drawing once inflated."""

from __future__ import annotations

import gc
import zlib

import pydyf

from reports.jobs import layout_speed


def test_cached_page_references_match_pydyfs_own_as_pages_are_added():
    layout_speed.apply()
    pdf = pydyf.PDF()
    seen = []
    for _ in range(5):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        seen.append(pdf.page_references)
        assert pdf.page_references == layout_speed.original_page_references(pdf)
    assert [len(refs) for refs in seen] == [1, 2, 3, 4, 5]
    assert pdf.page_references is pdf.page_references  # built once until the next page


def test_the_collector_thresholds_come_back_after_a_render_even_when_it_fails():
    before = gc.get_threshold()
    try:
        with layout_speed.relaxed_gc():
            assert gc.get_threshold()[0] == 100_000
            raise RuntimeError("layout failed")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before


def test_overlapping_renders_restore_the_thresholds_only_when_the_last_one_ends():
    before = gc.get_threshold()
    first, second = layout_speed.relaxed_gc(), layout_speed.relaxed_gc()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first render ends while the second still lays out
    assert gc.get_threshold()[0] == 100_000
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_pages_drawn_with_their_streams_joined_early_write_the_same_pdf_byte_for_byte():
    from weasyprint import HTML

    html = (
        '<html lang="en"><body><h1>Year on year</h1><table><thead><tr><th>Indicator</th><th>2025/26</th></tr></thead>'
        + "".join(f'<tr><th scope="row">WM-{n:03} Referrals</th><td>{n} ({n + 2})</td></tr>' for n in range(80))
        + '</table><svg width="40" height="20"><rect width="10" height="15" fill="#1d3f6e"/></svg></body></html>'
    )
    try:
        layout_speed.apply()  # both PDFs deflated alike: only the painting differs
        layout_speed.restore_paint()
        own = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
        layout_speed.apply()
        joined = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    finally:
        layout_speed.apply()
    assert len(own) > 2000
    assert joined == own


def _payload(data: bytes) -> bytes:
    return data.split(b"\nstream\n", 1)[1].rsplit(b"\nendstream", 1)[0]


def test_a_stream_deflated_at_the_default_level_inflates_to_what_pydyf_itself_writes():
    layout_speed.apply()
    drawing = [b"q", b"1 0 0 -1 0 842 cm"] + [
        f"BT /F1 9 Tf {n} 700 Td (WM-{n:03} Referrals) Tj ET".encode() for n in range(400)
    ]
    stream = pydyf.Stream(list(drawing), compress=True)
    ours, pydyfs = stream.data, layout_speed.original_stream_data(stream)
    assert ours != pydyfs  # deflated at another level
    assert zlib.decompress(_payload(ours)) == zlib.decompress(_payload(pydyfs)) == b"\n".join(drawing)
    assert b"/Length %d" % len(_payload(ours)) in ours and b"/FlateDecode" in ours
