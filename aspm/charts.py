"""Charts as SVG with pygal: the same chart on the page and in the PDF.

One style for the product: a colour-blind-safe palette (Okabe-Ito), readable fonts, no
JavaScript (``js=[]``), and a <title> so screen readers and tagged PDFs have alt text. Every
chart on a page is paired with a table of its numbers (see templates/includes/chart.html).
"""

from __future__ import annotations

import re

import pygal
from pygal.style import Style

_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)

# Okabe-Ito: distinguishable with the common kinds of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
RAG_COLOURS = {"red": "#b3261e", "amber": "#e69f00", "green": "#1e6b33", "complete": "#1f4e99", "none": "#6c757d"}

STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#6c757d",
    colors=PALETTE,
    font_family="DejaVu Sans, Arial, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=13,
    title_font_size=15,
    value_font_size=12,
    tooltip_font_size=12,
    # Light, solid grid lines, so a dashed target line stands out from them
    guide_stroke_color="#d3d7dc",
    guide_stroke_dasharray="1,0",
    major_guide_stroke_color="#c2c7cd",
    major_guide_stroke_dasharray="1,0",
)


def chart_config(title: str, **extra) -> dict:
    return {
        "title": title,
        "style": extra.pop("style", STYLE),
        "js": [],
        "disable_xml_declaration": True,
        "explicit_size": True,
        "width": extra.pop("width", 720),
        "height": extra.pop("height", 360),
        "legend_at_bottom": True,
        "legend_at_bottom_columns": extra.pop("legend_columns", 4),
        "print_values": False,
        "show_y_guides": True,
        "truncate_legend": -1,
        "truncate_label": -1,
        **extra,
    }


def render(chart: pygal.graph.graph.Graph) -> str:
    """The chart's SVG as a string, ready to inline with ``|safe`` (its content is ours)."""
    svg = _SCRIPT.sub("", chart.render(is_unicode=True))  # pygal's config script: not needed, and CSP blocks it
    return svg.replace("<svg ", '<svg role="img" focusable="false" ', 1)


def rag_style() -> Style:
    """The product style with the RAG colours in the order red, amber, green, complete."""
    return Style(**{**STYLE.to_dict(), "colors": tuple(RAG_COLOURS[k] for k in ("red", "amber", "green", "complete"))})
