"""The reports' lean user-agent stylesheet (reports/jobs/ua_stylesheet.py) draws lists as WeasyPrint's own does,
and the reports use none of the footnote or note styles it leaves out."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader
from weasyprint import HTML

from reports.jobs.ua_stylesheet import LeanHTML, lean_ua_source

ROOT = Path(__file__).resolve().parent.parent
LISTS = (
    '<html lang="en"><body><ul><li>Referrals</li><li>Visits</li></ul>'
    "<ol><li>Map the agreement</li><li>Publish the directory</li></ol><p>Done.</p></body></html>"
)


def _text(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_lists_keep_their_bullets_and_numbers_under_the_lean_stylesheet():
    own, lean = _text(HTML(string=LISTS).write_pdf()), _text(LeanHTML(string=LISTS).write_pdf())
    assert lean == own
    assert "•" in lean and "1." in lean and "2." in lean


def test_the_lean_stylesheet_gives_markers_to_list_items_only_and_has_no_footnote_or_note_rules():
    text = lean_ua_source()
    assert "li::marker {" in text and "\n::marker" not in text
    assert "::footnote-call" not in text and "::note-call" not in text and "::note-callback" not in text
    assert "li { display: list-item }" in text  # the rest as WeasyPrint has it


def test_no_report_stylesheet_or_template_uses_footnotes_or_notes():
    sources = [ROOT / "static" / "css" / "annual_report.css", *sorted((ROOT / "templates" / "reports").rglob("*.html"))]
    for path in sources:
        text = path.read_text()
        assert not re.search(r"float\s*:\s*footnote|note\(\)|::footnote|::note", text), path
