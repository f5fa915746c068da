"""Every count printed about one count indicator in one year, protected together, with what earlier
outputs for publication printed of the same year.

A count indicator's quarters add up to its year (a level's year is its latest quarter), and each
breakdown's groups, with what was not split, add up to the year again: one system of relations for
the interval audit (:mod:`aspm.disclosure.audit`). Each figure has a **key** that names it the same
way in every output of the year, so the disclosure ledger (:mod:`reports.disclosure_ledger`) can say
what a reader already knows of it:

* ``q1`` … ``q4``: a quarter, by its place in the financial year;
* ``sum:1,2`` (the quarters added up) or ``latest:2`` (a level): the year, or the year to date in
  the year, by the quarters it covers;
* ``split:sex:female@sum:1,2``, ``split:sex:_rest@…`` (not split), ``split:sex:_total@…`` (a
  breakdown whose groups do not add up to the year): a breakdown's figures at that year to date; a
  cross-tab's cells likewise (``split:nationality*sex:albanian*female@…``), related to the groups of
  each of its dimensions, so that a small cell cannot be worked out from the margins.

Figures printed only by earlier outputs (a year to date of an earlier quarter and its breakdowns)
join the system too, with the relations their keys name, so that what a reader can add up across
outputs is part of the audit.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from aspm.disclosure.audit import Earlier, protect
from aspm.disclosure.policy import Policy
from aspm.disclosure.tables import Figures
from indicators.measurement.figure_parsing import SEP

from .disclosure_ledger import Told

REST, TOTAL = "_rest", "_total"


def whole(value) -> int | None:
    """A count as a whole number, rounded half up as a reader rounds (an average level may be 3.5)."""
    return None if value is None else int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def protect_count(policy: Policy | None, row, year_split: dict, *, earlier: Told | None = None) -> dict:
    """The quarters, the year and each breakdown of ``row`` (a row of measurement's results table)
    as an output for publication under ``policy`` prints them, given ``earlier`` (what earlier outputs
    printed of this indicator's year, from the ledger). ``printed`` maps each figure's key to its cell."""
    figures = Figures()
    quarters = [figures.add(whole(c.actual)) for c in row.cells]
    year = figures.add(whole(row.ytd.actual))
    present = [n for n, q in enumerate(quarters, start=1) if figures.values[q] is not None]
    if figures.relate(year, quarters):
        year_key = "sum:" + ",".join(map(str, present))
    elif present and figures.relate(year, [quarters[present[-1] - 1]]):  # a level: its latest quarter
        year_key = f"latest:{present[-1]}"
    else:
        year_key = f"year:{','.join(map(str, present))}"  # related to nothing
    keys = {f"q{n}": q for n, q in enumerate(quarters, start=1)}
    keys[year_key] = year
    split_index = {}
    for dim, categories in year_split.items():
        groups = {category: figures.add(n) for category, n in categories.items()}
        rest = figures.add(not_split(figures.values[year], categories))
        # A rest of 0 (every figure was split) is known to be 0 and adds nothing: left out of the
        # relation, so the audit never withholds it, and then the year, to protect a zero.
        parts = [*groups.values(), rest] if figures.values[rest] else list(groups.values())
        total = sum(figures.values[i] or 0 for i in parts)
        total_index = year if total == figures.values[year] else figures.add(total)
        figures.relate(total_index, parts)
        split_index[dim] = (groups, rest, total_index)
        keys.update({f"split:{dim}:{c}@{year_key}": i for c, i in groups.items()})
        keys[f"split:{dim}:{REST}@{year_key}"] = rest
        if total_index != year:
            keys[f"split:{dim}:{TOTAL}@{year_key}"] = total_index
    # A cross-tab's cells add up to each of its dimensions' groups, across rows and columns alike
    # (recorded only where the true values agree, e.g. when every split figure gave its cells).
    for key, (cells, _rest, _total) in split_index.items():
        if SEP not in key:
            continue
        for position, dim in enumerate(key.split(SEP)):
            for category, margin in split_index.get(dim, ({}, None, None))[0].items():
                figures.relate(margin, [i for cell, i in cells.items() if cell.split(SEP)[position] == category])
    printed_now = dict(keys)
    told, frozen = _earlier(figures, keys, earlier or {})
    cells = protect(figures, policy, earlier=told, frozen=frozenset(frozen))
    return {
        "quarters": [cells[q] for q in quarters],
        "year": cells[year],
        "splits": {
            dim: ({c: cells[i] for c, i in groups.items()}, cells[rest], cells[total])
            for dim, (groups, rest, total) in split_index.items()
        },
        "printed": {key: cells[i] for key, i in printed_now.items()},
    }


def _earlier(figures: Figures, keys: dict[str, int], earlier: Told) -> tuple[dict[int, Earlier], list[int]]:
    """What earlier outputs told of the figures here (matched by key and true value), and the
    figures only they printed, added to ``figures`` with their relations (``keys`` grows)."""
    told: dict[int, Earlier] = {}
    for key, i in keys.items():
        value = figures.values[i]
        if value is not None and value in earlier.get(key, {}):
            told[i] = earlier[key][value]
    frozen: list[int] = []
    # Years to date printed before: their value follows from the quarters (when not revised since).
    for key, by_value in earlier.items():
        if key in keys or not key.startswith(("sum:", "latest:")):
            continue
        kind, _, numbers = key.partition(":")
        covered = [keys.get(f"q{n}") for n in numbers.split(",") if n]
        if not covered or None in covered or any(figures.values[q] is None for q in covered):
            continue
        value = sum(figures.values[q] for q in covered) if kind == "sum" else figures.values[covered[-1]]
        if value not in by_value:
            continue  # revised since: what was printed then is not this figure
        i = figures.add(value)
        figures.relate(i, covered)
        keys[key], told[i] = i, by_value[value]
        frozen.append(i)
    # Breakdowns printed before, at a year to date not printed here: their groups add up to it.
    by_total: dict[tuple[str, str], dict[str, dict[int, Earlier]]] = defaultdict(dict)
    for key, by_value in earlier.items():
        if key.startswith("split:") and key not in keys:
            head, _, total_key = key.rpartition("@")
            _split, dim, category = head.split(":", 2)
            by_total[(dim, total_key)][category] = by_value
    for (dim, total_key), groups in by_total.items():
        if total_key not in keys or any(len(v) != 1 for v in groups.values()):
            continue  # its year to date unknown here, or a group revised since (printed twice, differently)
        total = keys[total_key]
        if TOTAL in groups:
            ((value, how),) = groups[TOTAL].items()
            total = figures.add(value)
            keys[f"split:{dim}:{TOTAL}@{total_key}"], told[total] = total, how
            frozen.append(total)
        parts = []
        for category, by_value in groups.items():
            if category == TOTAL:
                continue
            ((value, how),) = by_value.items()
            i = figures.add(value)
            keys[f"split:{dim}:{category}@{total_key}"], told[i] = i, how
            frozen.append(i)
            parts.append(i)
        figures.relate(total, parts)
    return told, frozen


def not_split(total: int | None, categories: dict) -> int:
    if total is None:
        return 0
    return max(total - sum(n or 0 for n in categories.values()), 0)
