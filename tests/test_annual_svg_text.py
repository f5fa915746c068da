"""SVG labels set as one run (reports/jobs/svg_text.py) land where WeasyPrint's letter-by-letter text puts them."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from reports.jobs import svg_text

HEAD = '<html lang="en"><body><svg width="300" height="140" font-family="DejaVu Sans" font-size="12">'


def _runs(svg_body: str, *, one_run: bool) -> list[tuple[str, float, float]]:
    """Each drawn string and its start on the page (points), in drawing order, as pypdf reads the PDF."""
    try:
        svg_text.apply() if one_run else svg_text.restore()
        pdf = HTML(string=HEAD + svg_body + "</svg></body></html>").write_pdf()
    finally:
        svg_text.apply()
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            found.append((text.strip(), cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


def test_start_anchored_labels_and_lines_of_tspans_are_drawn_where_weasyprint_draws_them():
    body = (
        '<text x="10" y="20">Referrals made</text><text x="40" y="44" font-weight="bold">WM-001</text>'
        '<text x="10" y="80"><tspan x="10" dy="0">Police officer</tspan><tspan x="10" dy="14">time</tspan></text>'
    )
    own, fast = _runs(body, one_run=False), _runs(body, one_run=True)
    assert [text for text, _x, _y in fast] == [text for text, _x, _y in own]
    assert [text for text, _x, _y in own] == ["Referrals made", "WM-001", "Police officer", "time"]
    for (_text, x, y), (_same, fast_x, fast_y) in zip(own, fast, strict=True):
        assert (fast_x, fast_y) == pytest.approx((x, y), abs=0.05)


@pytest.mark.parametrize(("anchor", "share"), [("middle", 0.5), ("end", 1.0)])
def test_a_centred_or_ended_label_is_moved_back_by_that_share_of_its_width(anchor, share):
    # the width of "Off track" as the text cursor advances over it, then the same label anchored at x=150
    body = (
        '<text x="10" y="20"><tspan>Off track</tspan><tspan>|</tspan></text>'
        f'<text x="150" y="60" text-anchor="{anchor}">Off track</text>'
        '<text x="150" y="100">x</text>'
    )
    (first, first_x, _), (bar, bar_x, _), (label, label_x, _), (mark, anchor_x, _) = _runs(body, one_run=True)
    assert (first, bar, label, mark) == ("Off track", "|", "Off track", "x")
    width = bar_x - first_x
    assert width > 20
    assert label_x == pytest.approx(anchor_x - share * width, abs=0.2)


def test_text_with_a_position_for_each_letter_is_left_to_weasyprint():
    body = '<text x="10 20 30" y="20">abc</text><text x="10" y="40" rotate="10">tilted</text>'
    assert _runs(body, one_run=True) == _runs(body, one_run=False)
