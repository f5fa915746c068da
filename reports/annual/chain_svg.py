"""A results chain as an SVG diagram: five columns (input to impact), boxes, arrows.

Vector text (it stays sharp in the PDF and can be searched), a <title> and <desc> for the
tagged PDF and screen readers. A simple diagram of our own until the strategy pages' richer one
is available to the report.
"""

from __future__ import annotations

import textwrap
from xml.sax.saxutils import escape

from indicators.models import ChainLevel

WIDTH = 720
COL_W = 128
GAP = (WIDTH - 5 * COL_W) // 4
LINE_H = 12
PAD = 6
HEAD_H = 22
BOX_GAP = 8
FILL = {1: "#e8f1fa", 2: "#e6f4ee", 3: "#fdf2dc", 4: "#f5e9f2", 5: "#ececec"}
STROKE = "#1d3f6e"


def _wrap(text: str) -> list[str]:
    lines = textwrap.wrap(text, width=21) or [""]
    if len(lines) > 6:
        lines = lines[:6]
        lines[-1] = lines[-1][:19].rstrip() + "…"
    return lines


def chain_diagram(objective, entries) -> str:
    columns = {level: [] for level in ChainLevel.values}
    for entry in entries:
        columns.setdefault(entry.level, []).append(entry)
    layout = {}
    height = HEAD_H
    for level, items in columns.items():
        y = HEAD_H + 4
        for entry in items:
            lines = _wrap(entry.description)
            h = len(lines) * LINE_H + 2 * PAD
            layout[entry.pk] = (level, y, h, lines)
            y += h + BOX_GAP
        height = max(height, y)
    height += 4
    title = f"Results chain of {objective.code} {objective.title}"
    desc = "; ".join(
        f"{ChainLevel(level).label}: " + " | ".join(e.description for e in items)
        for level, items in columns.items()
        if items
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" class="chain-diagram" aria-labelledby="chain-{objective.pk}-t">',
        f'<title id="chain-{objective.pk}-t">{escape(title)}</title><desc>{escape(desc)}</desc>',
        f'<defs><marker id="arrow-{objective.pk}" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="6" markerHeight="6" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{STROKE}"/></marker></defs>',
    ]
    for level in ChainLevel.values:
        x = (level - 1) * (COL_W + GAP)
        parts.append(
            f'<text x="{x + COL_W / 2}" y="14" text-anchor="middle" font-size="12" font-weight="bold" '
            f'fill="#212529" font-family="DejaVu Sans, Arial, sans-serif">{escape(ChainLevel(level).label)}</text>'
        )
        if level < 5:
            ay = 10
            parts.append(
                f'<line x1="{x + COL_W / 2 + 40}" y1="{ay}" x2="{x + COL_W + GAP + COL_W / 2 - 40}" y2="{ay}" '
                f'stroke="{STROKE}" stroke-width="1.2" marker-end="url(#arrow-{objective.pk})"/>'
            )
    for entry in entries:  # links first, so boxes sit on top
        target = layout.get(entry.leads_to_id)
        if not target or entry.pk not in layout:
            continue
        level, y, h, _ = layout[entry.pk]
        t_level, ty, th, _ = target
        x1 = (level - 1) * (COL_W + GAP) + COL_W
        x2 = (t_level - 1) * (COL_W + GAP)
        parts.append(
            f'<line x1="{x1}" y1="{y + h / 2}" x2="{x2 - 1}" y2="{ty + th / 2}" stroke="{STROKE}" '
            f'stroke-width="1" marker-end="url(#arrow-{objective.pk})"/>'
        )
    for level, y, h, lines in layout.values():
        x = (level - 1) * (COL_W + GAP)
        parts.append(
            f'<rect x="{x + 0.5}" y="{y + 0.5}" width="{COL_W - 1}" height="{h - 1}" rx="4" '
            f'fill="{FILL[level]}" stroke="{STROKE}" stroke-width="0.8"/>'
        )
        parts.append(
            f'<text x="{x + PAD}" y="{y + PAD + 9}" font-size="10" fill="#212529" '
            f'font-family="DejaVu Sans, Arial, sans-serif">'
        )
        for i, line in enumerate(lines):
            parts.append(f'<tspan x="{x + PAD}" dy="{0 if i == 0 else LINE_H}">{escape(line)}</tspan>')
        parts.append("</text>")
    parts.append("</svg>")
    return "".join(parts)
