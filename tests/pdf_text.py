"""Reading a report PDF as a reader sees it: its words page by page, and the printed size of each run
of text (pypdf's text visitor, with the text and current transformation matrices applied)."""

from __future__ import annotations


def words(page) -> str:
    return " ".join(page.extract_text().split())


def _runs(page) -> list[tuple[float, float, str]]:
    """(printed size in pt, height above the page's foot, text) of every run of text on the page."""
    runs = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((size * abs(a * d - b * c) ** 0.5, y, text))

    page.extract_text(visitor_text=visit)
    return runs


def text_sizes(page) -> list[tuple[float, str]]:
    """(printed size in pt, text) of every run of text on the page."""
    return [(size, text) for size, _y, text in _runs(page)]


def text_runs(page) -> list[tuple[float, float]]:
    """(printed size in pt, height above the page's foot) of every run of text on the page."""
    return [(size, y) for size, y, _text in _runs(page)]
