"""The results chain as an SVG diagram: one column per level, inputs on the left, impact on the right,
an arrow for each link. Plain SVG with its own styling, so the same text works inline on a page and
in a WeasyPrint PDF. Every diagram has a <title> and <desc> for screen readers and tagged PDFs."""

from __future__ import annotations

import textwrap
from html import escape

from ..models import ChainLevel

COLUMN_WIDTH = 196
GAP = 34
BOX_WIDTH = COLUMN_WIDTH
LINE_HEIGHT = 15
PADDING = 8
HEADER = 34
BOX_GAP = 14
CHARS_PER_LINE = 27
FILL = {1: "#e8f1fa", 2: "#eaf5ee", 3: "#fdf3e1", 4: "#f6eaf2", 5: "#e9eef7"}
STROKE = {1: "#0072B2", 2: "#1e6b33", 3: "#8a5a00", 4: "#8e3b6e", 5: "#1f4e99"}


def _lines(text: str, chars: int = CHARS_PER_LINE) -> list[str]:
    lines = textwrap.wrap(text, chars) or [""]
    if len(lines) > 6:
        lines = lines[:6]
        lines[-1] = lines[-1][: chars - 1] + "…"
    return lines


def results_chain_svg(entries, *, title: str, text_size: int = 12) -> str:
    """SVG text for the entries of one objective's chain (each with ``level``, ``description``, ``leads_to_id``).

    ``text_size`` is the boxes' text in px (12 on the page); a printed report, which shrinks the whole
    diagram to the paper's width, asks for larger text so that it prints at a readable size. Lines are
    wrapped shorter and spaced wider in proportion, so the boxes keep their width."""
    chars = CHARS_PER_LINE * 12 // text_size
    line_height = round(LINE_HEIGHT * text_size / 12)
    columns: dict[int, list] = {level.value: [] for level in ChainLevel}
    for entry in entries:
        columns[entry.level].append(entry)
    boxes: dict[int, tuple[float, float, float]] = {}  # entry pk -> (x, y, height)
    parts: list[str] = []
    height = HEADER
    for index, level in enumerate(ChainLevel):
        x = index * (COLUMN_WIDTH + GAP)
        parts.append(
            f'<text x="{x + COLUMN_WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold" '
            f'font-size="14" fill="#212529">{escape(level.label)}</text>'
        )
        y = HEADER
        if not columns[level.value]:
            parts.append(
                f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="44" rx="6" fill="#ffffff" '
                f'stroke="#6c757d" stroke-dasharray="5 4"/>'
                f'<text x="{x + BOX_WIDTH / 2}" y="{y + 26}" text-anchor="middle" font-size="{text_size}" '
                f'fill="#495057">Nothing at this level yet</text>'
            )
            y += 44 + BOX_GAP
        for entry in columns[level.value]:
            lines = _lines(entry.description, chars)
            box_height = PADDING * 2 + line_height * len(lines)
            boxes[entry.pk] = (x, y, box_height)
            tspans = "".join(
                f'<tspan x="{x + PADDING}" dy="{line_height if i else 0}">{escape(line)}</tspan>'
                for i, line in enumerate(lines)
            )
            parts.append(
                f"<g><title>{escape(level.label)}: {escape(entry.description)}</title>"
                f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{box_height}" rx="6" '
                f'fill="{FILL[level.value]}" stroke="{STROKE[level.value]}" stroke-width="1.5"/>'
                f'<text x="{x + PADDING}" y="{y + PADDING + text_size - 1}" font-size="{text_size}" fill="#212529">'
                f"{tspans}</text></g>"
            )
            y += box_height + BOX_GAP
        height = max(height, y)
    arrows = []
    for entry in entries:
        if entry.leads_to_id in boxes and entry.pk in boxes:
            x1, y1, h1 = boxes[entry.pk]
            x2, y2, h2 = boxes[entry.leads_to_id]
            arrows.append(
                f'<line x1="{x1 + BOX_WIDTH}" y1="{y1 + h1 / 2}" x2="{x2 - 3}" y2="{y2 + h2 / 2}" '
                f'stroke="#495057" stroke-width="1.5" marker-end="url(#chain-arrow)"/>'
            )
    width = 5 * COLUMN_WIDTH + 4 * GAP
    linked = sum(1 for e in entries if e.leads_to_id)
    desc = (
        f"{len(entries)} entries across the five levels from inputs to impact, with {linked} links between them. "
        "The same chain is listed as text beside the diagram."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="DejaVu Sans, Arial, sans-serif" '
        f'aria-labelledby="chain-title chain-desc">'
        f'<title id="chain-title">{escape(title)}</title><desc id="chain-desc">{escape(desc)}</desc>'
        '<defs><marker id="chain-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#495057"/></marker></defs>'
        + "".join(arrows)
        + "".join(parts)
        + "</svg>"
    )
