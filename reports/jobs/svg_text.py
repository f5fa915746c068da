"""SVG text laid out as one run of glyphs rather than a run per letter (a speed fix for WeasyPrint).

WeasyPrint draws an SVG ``<text>`` letter by letter, so that it can honour a position or a rotation
given to each letter: a Pango layout, a text object and a font selection for every character, then,
for text centred or ended at its x (``text-anchor``), a Form XObject to shift the whole. The reports'
charts write some 600 labels (Northshire) to 2,000 (Greater Westmoor), each at a single position, and
that per-letter work was a tenth of the whole render.

A label with one x and one y, no per-letter offsets, rotation, spacing or forced length, no child
elements and a single line is laid out here as one run: one layout, one text object, drawn where the
letters would have been (its anchor applied by moving its x by its width, instead of through an
XObject). The glyphs are the same; Pango may kern the pair of letters it would otherwise have set
apart, which is how the same words set in the page's text already look. Everything else goes to
WeasyPrint's own code.
"""

from __future__ import annotations

from importlib import import_module
from math import inf

from weasyprint import svg as weasy_svg
from weasyprint.draw.text import draw_emojis, draw_first_line
from weasyprint.matrix import Matrix
from weasyprint.svg.bounding_box import extend_bounding_box
from weasyprint.svg.utils import size
from weasyprint.text.line_break import split_first_line

weasy_text = import_module("weasyprint.svg.text")  # the module: weasyprint.svg's "text" is its function
_original_text = weasy_text.text
_original_draw_node = weasy_svg.SVG.draw_node
PER_LETTER = ("rotate", "letter-spacing", "textLength", "lengthAdjust")
POSITIONS = ("x", "y", "dx", "dy")
_RUN = "_aspm_run"  # the layout measured for a label's anchor, handed on to _text


def _single(value: str | None) -> bool:
    return value is None or len(value.replace(",", " ").split()) <= 1


def _is_one_run(node) -> bool:
    text = node.text
    return (
        node.tag in ("text", "tspan")
        and bool(text)
        and "\n" not in text
        and len(node._etree_node) == 0
        and all(_single(node.get(name)) for name in POSITIONS)
        and not any(name in node.attrib for name in PER_LETTER)
    )


def _style(svg, node, font_size):
    """The text's style, as WeasyPrint's own ``text`` makes it."""
    from weasyprint.css.properties import INITIAL_VALUES

    style = weasy_text.Style()
    style.update(INITIAL_VALUES)
    style.font_config = svg.font_config
    style["font_family"] = [font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")]
    style["font_style"] = node.get("font-style", "normal")
    style["font_size"] = font_size
    if node.get("direction") in ("ltr", "rtl"):
        style["direction"] = node.get("direction")
    weight = node.get("font-weight", 400)
    if weight == "normal":
        style["font_weight"] = 400
    elif weight == "bold":
        style["font_weight"] = 700
    else:
        try:
            style["font_weight"] = int(weight)
        except ValueError:
            style["font_weight"] = 400
    return style


def _measure(svg, node, font_size):
    """(style, layout, width, height, baseline) of the whole label, or None if it takes more than a line."""
    style = _style(svg, node, font_size)
    layout, _length, resume, width, height, baseline = split_first_line(node.text, style, svg.context, inf, 0)
    if resume is not None:
        return None
    return style, layout, width, height, baseline


def _text(svg, node, font_size) -> None:
    run = node.__dict__.pop(_RUN, None)
    if run is None:
        if not _is_one_run(node):
            return _original_text(svg, node, font_size)
        run = _measure(svg, node, font_size)
        if run is None:
            return _original_text(svg, node, font_size)
    style, layout, width, height, baseline = run

    # the first letter's steps in WeasyPrint's own ``text``, for the whole run
    x, y, dx, dy = (
        size(node.get(name), font_size, svg.inner_height if name in ("y", "dy") else svg.inner_width)
        if name in node.attrib
        else None
        for name in POSITIONS
    )
    if x:
        svg.cursor_d_position[0] = 0
    if y:
        svg.cursor_d_position[1] = 0
    svg.cursor_d_position[0] += dx or 0
    svg.cursor_d_position[1] += dy or 0
    x = svg.cursor_position[0] if x is None else x
    y = svg.cursor_position[1] if y is None else y
    svg.cursor_position = x + width, y
    x_position = x + svg.cursor_d_position[0]
    y_position = y + svg.cursor_d_position[1] + _baseline_shift(node, font_size, height)
    node.text_bounding_box = extend_bounding_box(
        node.text_bounding_box,
        ((x_position, y_position - baseline), (x_position + width, y_position - baseline + height)),
    )

    svg.stream.push_state()
    fill, stroke = svg.set_graphical_state(node, font_size)
    svg.stream.begin_text()
    layout.reactivate(style)
    svg.fill_stroke(fill, stroke, text=True)
    box = weasy_text.TextBox(layout, style)
    box.baseline = baseline
    emojis = draw_first_line(svg.stream, box, "none", "none", Matrix(d=-1, e=x_position, f=y_position))
    svg.stream.end_text()
    svg.stream.pop_state()
    draw_emojis(svg.stream, style, x, y, emojis)


def _baseline_shift(node, font_size, height) -> float:
    """WeasyPrint's vertical alignment of SVG text (``display-anchor``, ``dominant-baseline``)."""
    ascent, descent = font_size * 0.8, font_size * 0.2
    display_anchor = node.get("display-anchor")
    alignment = node.get("dominant-baseline", node.get("alignment-baseline"))
    if display_anchor == "middle":
        return -height / 2
    if display_anchor == "top":
        return 0
    if display_anchor == "bottom":
        return -height
    if alignment in ("central", "middle"):
        return (ascent + descent) / 2 - descent
    if alignment in ("text-before-edge", "before_edge", "top", "hanging", "text-top"):
        return ascent
    if alignment in ("text-after-edge", "after_edge", "bottom", "text-bottom"):
        return -descent
    return 0


def _draw_node(self, node, font_size, fill_stroke=True, context=None):
    """A centred or end-anchored one-run label moves its own x by its width, so WeasyPrint draws it as
    a start-anchored one (no XObject); the node's attributes are put back as they were afterwards."""
    anchor = node.attrib.get("text-anchor")
    if (
        anchor not in ("middle", "end")
        or "x" not in node.attrib
        or node.attrib.get("direction", "ltr") != "ltr"
        or not _is_one_run(node)
    ):
        return _original_draw_node(self, node, font_size, fill_stroke, context)
    own_size = size(node.get("font-size", "1em"), font_size, font_size)
    run = _measure(self, node, own_size)
    if run is None:
        return _original_draw_node(self, node, font_size, fill_stroke, context)
    width = run[2]
    saved = node.attrib
    x = size(node.get("x"), own_size, self.inner_width)
    node.attrib = {**saved, "text-anchor": "start", "x": repr(x - (width / 2 if anchor == "middle" else width))}
    node.__dict__[_RUN] = run
    try:
        return _original_draw_node(self, node, font_size, fill_stroke, context)
    finally:
        node.attrib = saved
        node.__dict__.pop(_RUN, None)


TEXT_TAGS = ("a", "text", "textPath", "tspan")  # what WeasyPrint draws with its ``text``


def _use(function, draw_node) -> None:
    # draw_node tells text nodes by ``TAGS.get(node.tag) == text``: the module's name must follow too
    weasy_svg.text = function
    for tag in TEXT_TAGS:
        weasy_svg.TAGS[tag] = function
    weasy_svg.SVG.draw_node = draw_node


def apply() -> None:
    _use(_text, _draw_node)


def restore() -> None:
    """WeasyPrint's own per-letter text (for the test that compares the two)."""
    _use(_original_text, _original_draw_node)
