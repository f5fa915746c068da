"""Small vector charts for the report, written as plain SVG text.

Why not pygal (what the measurement pages use)? A report draws one chart per indicator: 300 at
county size. pygal's output carries its own stylesheet, scripts and hundreds of elements per
chart; WeasyPrint must parse and lay out every one. These charts are a few dozen elements each,
with presentation attributes only, so they cost next to nothing to draw or lay out. Every chart
has a <title> and <desc> (the tagged PDF's alt text) and a table of the same numbers beside it.
"""

from __future__ import annotations

from html import escape

from aspm.formatting import format_value

FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'
INK = "#212529"
ACTUAL = "#1d3f6e"
TARGET = "#e69f00"


def _text(x, y, text, *, anchor: str = "middle", fill: str = INK, extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}"{extra}>{escape(str(text))}</text>'


def actual_vs_target(
    uid: str,
    title: str,
    labels: list[str],
    actuals: list,
    targets: list,
    hidden: list[str],
    *,
    unit: str = "",
    decimals: int | None = None,
) -> str:
    """Bars for the actual of each quarter, a dash for its target: a small multiple with no text of its own.

    It sits in the indicator's row, whose first cell gives the same quarters in words (actual and
    target), so it carries no labels: SVG text is what WeasyPrint spends most of its SVG time on. A
    bar whose count is suppressed is not drawn (a grey stub marks it); ``hidden`` holds what the
    row shows instead (e.g. "<5"). The <title> and <desc> give the figures in words.

    Drawn with as few elements as the picture allows: one path for all the bars, one for all the
    targets' dashes, one for the stubs. WeasyPrint parses, styles and draws each element on its own,
    which for 300 charts a report was ten a chart, three quarters of a second; a path of several
    shapes costs about what one shape does."""
    width, height, pad = 200, 64, 3
    plot_h = height - 2 * pad
    values = [float(v) for v in [*actuals, *targets] if v is not None]
    peak = max(values, default=0) or 1
    step = (width - 2 * pad) / max(len(labels), 1)
    desc = "; ".join(
        f"{lab}: actual {h or format_value(a, unit, decimals=decimals)}, "
        f"target {format_value(t, unit, decimals=decimals)}"
        for lab, a, t, h in zip(labels, actuals, targets, hidden, strict=True)
    )
    bars, stubs, dashes = [], [], []
    bar_w = step * 0.5
    for i, (actual, target, mark) in enumerate(zip(actuals, targets, hidden, strict=True)):
        bx = pad + i * step + (step - bar_w) / 2
        if mark:
            stubs.append(_box(bx, pad + plot_h - 3, bar_w, 3))
        elif actual is not None:
            h = plot_h * float(actual) / peak
            bars.append(_box(bx, pad + plot_h - h, bar_w, h))
        if target is not None:
            y = pad + plot_h - plot_h * float(target) / peak
            dashes.append(f"M{bx - 4:.1f} {y:.1f}H{bx + bar_w + 4:.1f}")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{uid}-t">',
        f'<title id="{uid}-t">{escape(title)}</title><desc>{escape(desc)}</desc>',
        f'<path d="M{pad} {pad + plot_h}H{width - pad}" stroke="#888" stroke-width=".6"/>',
    ]
    if stubs:
        parts.append(f'<path d="{"".join(stubs)}" fill="#aaa"/>')
    if bars:
        parts.append(f'<path d="{"".join(bars)}" fill="{ACTUAL}"/>')
    if dashes:
        parts.append(f'<path d="{"".join(dashes)}" stroke="{TARGET}" stroke-width="2.5"/>')
    parts.append("</svg>")
    return "".join(parts)


def _box(x: float, y: float, w: float, h: float) -> str:
    """A rectangle as a closed subpath, to go with others in one <path>."""
    return f"M{x:.1f} {y:.1f}h{w:.1f}v{h:.1f}h{-w:.1f}z"


RAG_FILL = {"red": "#b3261e", "amber": "#e69f00", "green": "#1e6b33", "complete": "#4a6fa5"}


def rag_over_time(uid: str, labels: list[str], counts: list[dict[str, int]], names: dict[str, str]) -> str:
    """Stacked bars: how many actions were red, amber, green and complete at each quarter end."""
    width, height, left, bottom, top = 560, 190, 30, 34, 10
    plot_h = height - bottom - top
    peak = max((sum(c.values()) for c in counts), default=0) or 1
    step = (width - left - 130) / max(len(labels), 1)
    desc = "; ".join(
        f"{lab}: " + ", ".join(f"{names[k]} {c.get(k, 0)}" for k in RAG_FILL)
        for lab, c in zip(labels, counts, strict=True)
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" {FONT} font-size="12" aria-labelledby="{uid}-t">',
        f'<title id="{uid}-t">Actions by RAG status at each quarter end</title><desc>{escape(desc)}</desc>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 130}" y2="{top + plot_h}" '
        'stroke="#888" stroke-width=".6"/>',
    ]
    for i, (label, c) in enumerate(zip(labels, counts, strict=True)):
        x = left + i * step + step * 0.2
        y = top + plot_h
        for key, fill in RAG_FILL.items():
            n = c.get(key, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.6:.1f}" height="{h:.1f}" fill="{fill}"/>')
            if h >= 11:
                parts.append(_text(x + step * 0.3, y + h / 2 + 3.5, n, fill="#fff"))
        parts.append(
            f'<text x="{x + step * 0.3:.1f}" y="{height - 18}" text-anchor="middle" fill="{INK}">{escape(label)}</text>'
        )
    for j, (key, fill) in enumerate(RAG_FILL.items()):
        y = top + 10 + j * 18
        parts.append(f'<rect x="{width - 118}" y="{y - 9}" width="11" height="11" fill="{fill}"/>')
        parts.append(f'<text x="{width - 102}" y="{y}" fill="{INK}">{escape(names[key])}</text>')
    parts.append("</svg>")
    return "".join(parts)


BAND_FILL = {"low": "#dcefe0", "medium": "#fdf0c4", "high": "#f9c98b", "very_high": "#f1a09a"}


def heat_map(uid: str, rows: list[dict]) -> str:
    """The 5×5 grid (likelihood up, impact across), each cell with its number of open risks."""
    cell, left, top = 62, 70, 10
    width, height = left + 5 * cell + 10, top + 5 * cell + 46
    total = sum(len(c["risks"]) for r in rows for c in r["cells"])
    desc = "; ".join(
        f"likelihood {r['likelihood']}, impact {c['impact']}: {len(c['risks'])}"
        for r in rows
        for c in r["cells"]
        if c["risks"]
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" {FONT} font-size="12" aria-labelledby="{uid}-t">',
        f'<title id="{uid}-t">Heat map of {total} open risk{"s" if total != 1 else ""} by likelihood and impact</title>'
        f"<desc>{escape(desc or 'No open risks.')}</desc>",
    ]
    for i, row in enumerate(rows):
        y = top + i * cell
        parts.append(
            f'<text x="{left - 8}" y="{y + cell / 2 + 4}" text-anchor="end" fill="{INK}">{row["likelihood"]}</text>'
        )
        for j, c in enumerate(row["cells"]):
            x = left + j * cell
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{BAND_FILL[c["band"]]}" '
                'stroke="#fff" stroke-width="2"/>'
            )
            if c["risks"]:
                parts.append(
                    f'<text x="{x + cell / 2}" y="{y + cell / 2 + 6}" text-anchor="middle" font-size="17" '
                    f'font-weight="bold" fill="{INK}">{len(c["risks"])}</text>'
                )
    for j in range(5):
        parts.append(_text(left + j * cell + cell / 2, top + 5 * cell + 14, j + 1))
    parts.append(f'<text x="{left + 2.5 * cell}" y="{height - 6}" text-anchor="middle" fill="{INK}">Impact</text>')
    parts.append(
        f'<text x="14" y="{top + 2.5 * cell}" text-anchor="middle" fill="{INK}" '
        f'transform="rotate(-90 14 {top + 2.5 * cell})">Likelihood</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def this_and_last(uid: str, title: str, rows: list[tuple[str, int, int | None, str]]) -> str:
    """Pairs of bars, this year and last, for each (label, this year, last year, colour), each bar with
    its number written at its end. Last year's bar is paler; a missing last year draws nothing."""
    # drawn at its own size (a px is .75 pt): 12 px text prints at 9 pt
    width, row_h, left, right = 310, 32, 76, 30
    height = row_h * len(rows) + 22
    peak = max([n for _l, this, last, _c in rows for n in (this, last) if n is not None] or [1]) or 1
    scale = (width - left - right) / peak
    desc = "; ".join(
        f"{label}: {this} this year" + (f", {last} last year" if last is not None else "")
        for label, this, last, _colour in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" {FONT} font-size="12" aria-labelledby="{uid}-t">',
        f'<title id="{uid}-t">{escape(title)}</title><desc>{escape(desc)}</desc>',
    ]
    for i, (label, this, last, colour) in enumerate(rows):
        y = i * row_h + 2
        parts.append(_text(left - 6, y + 17, label, anchor="end"))
        parts.append(f'<rect x="{left}" y="{y}" width="{max(this * scale, 1):.1f}" height="13" fill="{colour}"/>')
        parts.append(_text(left + this * scale + 4, y + 11, this, anchor="start"))
        if last is not None:
            parts.append(
                f'<rect x="{left}" y="{y + 15}" width="{max(last * scale, 1):.1f}" height="11" fill="{colour}" '
                'fill-opacity=".35"/>'
            )
            parts.append(_text(left + last * scale + 4, y + 25, last, anchor="start", fill="#444"))
    y = len(rows) * row_h + 6
    parts.append(f'<rect x="{left}" y="{y}" width="12" height="11" fill="#555"/>')
    parts.append(_text(left + 16, y + 10, "this year", anchor="start"))
    parts.append(f'<rect x="{left + 90}" y="{y}" width="12" height="11" fill="#555" fill-opacity=".35"/>')
    parts.append(_text(left + 106, y + 10, "last year", anchor="start"))
    parts.append("</svg>")
    return "".join(parts)


BUDGET = "#9bb3d4"


def budget_and_spend(uid: str, title: str, rows: list[tuple[str, object, object]]) -> str:
    """A pair of bars for each (label, budget, spent): the label above, the budget pale, what was spent
    dark, each with its amount in pounds at its end. A line with no spend reported draws no spend bar and
    says so."""
    width, row_h, right = 560, 56, 90
    height = row_h * len(rows) + 24
    amounts = [float(v) for _label, budget, spent in rows for v in (budget, spent) if v is not None]
    peak = max(amounts, default=0) or 1
    scale = (width - right) / peak
    desc = "; ".join(
        f"{label}: budget {format_value(budget, 'money')}, "
        + (f"spent {format_value(spent, 'money')}" if spent is not None else "no spend reported yet")
        for label, budget, spent in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" {FONT} font-size="12" aria-labelledby="{uid}-t">',
        f'<title id="{uid}-t">{escape(title)}</title><desc>{escape(desc or "No budget lines.")}</desc>',
    ]
    for i, (label, budget, spent) in enumerate(rows):
        y = i * row_h
        short = label if len(label) <= 80 else label[:79] + "…"
        parts.append(_text(0, y + 12, short, anchor="start"))
        b = float(budget or 0) * scale
        parts.append(f'<rect x="0" y="{y + 17}" width="{max(b, 1):.1f}" height="15" fill="{BUDGET}"/>')
        parts.append(_text(b + 4, y + 29, format_value(budget, "money"), anchor="start"))
        if spent is None:
            parts.append(_text(0, y + 46, "no spend reported yet", anchor="start", fill="#555"))
        else:
            s = float(spent) * scale
            parts.append(f'<rect x="0" y="{y + 34}" width="{max(s, 1):.1f}" height="15" fill="{ACTUAL}"/>')
            parts.append(_text(s + 4, y + 46, format_value(spent, "money"), anchor="start"))
    y = len(rows) * row_h + 6
    parts.append(f'<rect x="0" y="{y}" width="12" height="11" fill="{BUDGET}"/>')
    parts.append(_text(16, y + 10, "budget", anchor="start"))
    parts.append(f'<rect x="80" y="{y}" width="12" height="11" fill="{ACTUAL}"/>')
    parts.append(_text(96, y + 10, "spent", anchor="start"))


BASELINE = "#6c757d"


def years_small_multiple(uid: str, title: str, panels: list[dict], *, columns: int = 4) -> list[str]:
    """Small panels, one per indicator of a strand, each on its own scale: a bar for the actual of each
    year, an orange dash for that year's target and a grey dotted line across for the baseline. One SVG
    per row of ``columns`` panels, so a long strand breaks between rows across pages.

    ``panels``: dicts of ``code``, ``unit``, ``decimals``, ``baseline`` and ``years``, a list of
    (year label, actual, target, actual as printed). A year without a figure, or whose count is
    hidden, draws no bar and writes what the table says ("no figure", "<5") in its place. Every
    actual and the baseline are written on the panel (12 px text: 9 pt at the chart's own size); the
    table under the charts gives every figure, targets too."""
    charts = []
    for first in range(0, len(panels), columns):
        chunk = panels[first : first + columns]
        part = first // columns + 1
        chart_title = title if len(panels) <= columns else f"{title} (part {part})"
        charts.append(_years_row(f"{uid}-{part}", chart_title, chunk, columns))
    return charts


def _years_row(uid: str, title: str, panels: list[dict], columns: int) -> str:
    panel_w, panel_h, gap = 150, 118, 10
    width = columns * panel_w + (columns - 1) * gap
    descs = []
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {panel_h}" width="{width}" '
        f'height="{panel_h}" {FONT} font-size="12" aria-labelledby="{uid}-t">',
        f'<title id="{uid}-t">{escape(title)}</title>',
    ]
    for n, panel in enumerate(panels):
        x0 = n * (panel_w + gap)
        unit, decimals = panel["unit"], panel["decimals"]
        years = panel["years"]
        values = [float(v) for _l, a, t, _s in years for v in (a, t) if v is not None]
        if panel["baseline"] is not None:
            values.append(float(panel["baseline"]))
        peak = max(values, default=0) or 1
        top, bottom = 34, panel_h - 18  # room for the code above and the year labels below
        plot_h = bottom - top
        step = panel_w / len(years)
        parts.append(f'<rect x="{x0}" y="0" width="{panel_w}" height="{panel_h}" fill="#f6f7f9"/>')
        parts.append(_text(x0 + 6, 14, panel["code"], anchor="start", extra=' font-weight="bold"'))
        parts.append(f'<path d="M{x0 + 4} {bottom}H{x0 + panel_w - 4}" stroke="#888" stroke-width=".6"/>')
        said = []
        for i, (label, actual, target, shown) in enumerate(years):
            cx = x0 + i * step + step / 2
            bar_w = step * 0.46
            if actual is not None:
                h = plot_h * float(actual) / peak
                parts.append(
                    f'<rect x="{cx - bar_w / 2:.1f}" y="{bottom - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                    f'fill="{ACTUAL}"/>'
                )
                parts.append(_text(cx, bottom - h - 3, format_value(actual, unit, decimals=decimals)))
            else:
                parts.append(_text(cx, bottom - 4, shown, fill="#555"))
            if target is not None:
                y = bottom - plot_h * float(target) / peak
                parts.append(
                    f'<path d="M{cx - bar_w / 2 - 5:.1f} {y:.1f}H{cx + bar_w / 2 + 5:.1f}" stroke="{TARGET}" '
                    'stroke-width="2.5"/>'
                )
            parts.append(_text(cx, bottom + 14, label))
            said.append(
                f"{label}: actual {shown if actual is None else format_value(actual, unit, decimals=decimals)}, "
                f"target {format_value(target, unit, decimals=decimals)}"
            )
        if panel["baseline"] is not None:
            y = bottom - plot_h * float(panel["baseline"]) / peak
            parts.append(
                f'<path d="M{x0 + 4} {y:.1f}H{x0 + panel_w - 4}" stroke="{BASELINE}" stroke-width="1.2" '
                'stroke-dasharray="2 2"/>'
            )
            baseline = format_value(panel["baseline"], unit, decimals=decimals)
            parts.append(_text(x0 + panel_w - 6, 14, f"base {baseline}", anchor="end", fill="#444"))
            said.append(f"baseline {baseline}")
        descs.append(f"{panel['code']}: " + "; ".join(said))
    parts.insert(2, f"<desc>{escape('. '.join(descs))}</desc>")
    parts.append("</svg>")
    return "".join(parts)
