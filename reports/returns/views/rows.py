"""What a return's forms and its answers show, row by row: each figure with last quarter's for
reference, each action update, with what was just typed and its errors."""

from __future__ import annotations

from aspm.formatting import format_for
from indicators.measurement.dimensions import groups_of, label_of, registry_for_indicators

from ..figures import DIMENSIONS, last_quarter_figures
from ..forms import figure_anchor, figure_field_names
from ..services.action_updates import field_names as action_field_names
from ..services.action_updates import field_needing_fix
from ..services.spend import line_field


def _previous(indicator, value):
    """Last quarter's figure in the indicator's unit ("71.7%", "Yes", "£1,200"), or None."""
    return format_for(value, indicator) if value is not None else None


def _typed(post, name: str, stored) -> str:
    """What a figure's box shows: what was just posted, else the stored number without trailing zeros."""
    if post is not None:
        return post.get(name, "")
    return f"{stored.normalize():f}" if stored is not None else ""


def _dims(figure, names, post, registry=DIMENSIONS) -> list:
    dims = []
    for dimension in figure.indicator.disaggregation or []:
        categories = groups_of(dimension, registry)
        if categories is None:
            continue
        label = label_of(dimension, registry)
        stored = (figure.breakdown or {}).get(dimension, {})
        parts = []
        for code, cat_label in categories.items():
            name = f"{names['prefix']}-{dimension}-{code}"
            parts.append(
                {
                    "name": name,
                    "label": cat_label,
                    "value": post.get(name, "") if post is not None else stored.get(code, ""),
                }
            )
        dims.append({"label": label, "parts": parts})
    return dims


def figure_rows(return_, figures=None, post=None, errors=None, breaches=()) -> list[dict]:
    """A row per figure (``figures``: some of the return's, default all). Two queries for last quarter."""
    rows = []
    last_quarter = last_quarter_figures(return_)
    figures = list(return_.figures.all() if figures is None else figures)
    registry = registry_for_indicators([f.indicator for f in figures]) if figures else DIMENSIONS
    for figure in figures:
        last = last_quarter.get(figure.indicator_id)
        names = figure_field_names(figure)
        rows.append(
            {
                "figure": figure,
                "names": names,
                "anchor": figure_anchor(figure),
                "value": _typed(post, names["value"], figure.value),
                "numerator": _typed(post, names["numerator"], figure.numerator),
                "denominator": _typed(post, names["denominator"], figure.denominator),
                "text": post.get(names["text"], "") if post is not None else figure.text_value,
                "comment": post.get(names["comment"], "") if post is not None else figure.comment,
                "dims": _dims(figure, names, post, registry),
                "errors": (errors or {}).get(f"figure-{figure.indicator_id}", []),
                "breaches": [b for b in breaches if b.involves(figure.indicator_id)],
                "previous": _previous(figure.indicator, last.value if last else figure.previous_value),
                "previous_text": (last.text_value if last else figure.previous_text) or "",
            }
        )
    return rows


def action_rows(return_, post=None, errors=None) -> list[dict]:
    """A row per action update; an error shows on the box that needs the fix (a Red without a
    note marks the note, not the status)."""
    rows = []
    for update in return_.action_updates.all():
        names = action_field_names(update)
        messages = (errors or {}).get(f"action-{update.action_id}", [])
        rows.append(
            {
                "update": update,
                "action": update.action,
                "names": names,
                "status": post.get(names["status"], "") if post is not None else update.status,
                "note": post.get(names["note"], "") if post is not None else update.note,
                "errors": messages,
                "status_errors": [m for m in messages if field_needing_fix(m) == "status"],
                "note_errors": [m for m in messages if field_needing_fix(m) == "note"],
            }
        )
    return rows


GROUP_FROM = 12  # more actions than this are grouped by strand, with a list of the groups to jump to


def action_groups(rows: list[dict]) -> list[dict]:
    """The rows by strand (in the strategy's order, actions without a strand last), each keeping its
    due-date order: a county SPOC with dozens of actions finds a strand's at once. One group, with
    no heading, when there are few actions or one strand."""
    if len(rows) <= GROUP_FROM:
        return [{"title": "", "anchor": "", "rows": rows}]
    by_strand: dict = {}
    for row in rows:
        by_strand.setdefault(row["action"].strand, []).append(row)
    if len(by_strand) == 1:
        return [{"title": "", "anchor": "", "rows": rows}]
    order = sorted(by_strand, key=lambda s: (s is None, s.order if s else 0, s.name if s else ""))
    return [
        {
            "title": strand.name if strand else "No strand",
            "anchor": f"actions-{strand.code if strand else 'none'}",
            "rows": by_strand[strand],
        }
        for strand in order
    ]


def spend_rows(return_, post=None, errors=None) -> list[dict]:
    """The monitoring report's budget lines, each with its boxes' names, what to show in them (the
    POST after a failed save) and their errors."""
    errors = errors or {}
    rows = []
    for row in return_.spend.all():
        names = {name: line_field(row, name) for name in ("income", "expenditure")}
        shown = {
            name: (
                post.get(names[name], "")
                if post is not None
                else ("" if getattr(row, name) is None else getattr(row, name))
            )
            for name in names
        }
        rows.append(
            {"row": row, "names": names, "shown": shown, "errors": {n: errors.get(names[n], []) for n in names}}
        )
    return rows


def spend_totals(return_, post=None, errors=None) -> list[dict]:
    """The period's two totals, as ``spend_rows`` gives the lines."""
    errors = errors or {}
    totals = []
    for name, label in (
        ("income_total", "Grant income received in the period"),
        ("expenditure_total", "Total expenditure in the period"),
    ):
        value = getattr(return_, name)
        shown = post.get(name, "") if post is not None else ("" if value is None else value)
        totals.append({"name": name, "label": label, "shown": shown, "errors": errors.get(name, [])})
    return totals
