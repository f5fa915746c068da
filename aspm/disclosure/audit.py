"""Protect a system of published figures, and prove it: primary suppression, then an interval audit
by linear programming, hiding more until no hidden count can be worked out (as τ-ARGUS and sdcTable do).

**What a reader knows.** Every figure shown, and every relation between figures (``total = sum of
parts``, :mod:`aspm.disclosure.tables`). Also what each mark means:

* a count shown exactly is that count; a count shown rounded to the nearest 5 (NHS method) as ``r`` is
  between ``r - 2`` and ``r + 2``, and, when the policy hides small counts, is 0 or at least the first
  count shown (a shown "0" is exactly 0);
* a small count shown as "<5" (or "*") is between 1 and ``hide_below - 1`` — the label itself tells
  that much, so the audit starts from it;
* a figure withheld as "[c]" is any whole number from 0 up.

**The rule.** For each hidden figure, linear programming (``scipy.optimize.linprog``, HiGHS) finds the
smallest and largest value it can take given all of the above. The figure is protected when that range
holds at least ``protection_width`` whole numbers (the width of the hidden band: 4 for "<5"), i.e.
``max - min >= protection_width - 1``. For a small count this means that the figures shown do not
narrow it at all beyond what its label says (a "<5" cell can still be any of 1, 2, 3 or 4); a "[c]"
figure must keep at least as many possible values. (The relations are sums whose coefficients are 0
and ±1 with whole-number bounds, so the range's ends are whole numbers: the linear programme gives
the same range as trying every whole number, which the tests check by enumeration.)

**What earlier outputs told.** A reader may hold an earlier publication too (a quarterly report, the
figures spreadsheet printed in the year, an earlier version of the annual report). ``earlier`` gives,
for a figure printed before with the same true value, the range that output told; the audit
intersects it with what this output tells. Figures printed only before (a year to date of an
earlier quarter, a breakdown at that date) join the system as ``frozen``: their relations count,
they are never chosen for withholding (hiding now what was printed then hides nothing), and one that
was hidden then must stay protected now. A figure that earlier outputs already narrowed below the
width (after a change of policy or a revised figure) cannot be protected by anything printed now: it
is logged and left, rather than withholding the whole table in vain.

**Hiding more.** While some hidden figure fails, one more figure is hidden as "[c]", chosen to lose
the least: walking out from the failing figure through its relations, the first of these that widens
its range — a small count's "<5" replaced by "[c]" (it tells less and hides nothing more), a zero, a
count that is not a total (the smallest first), a total last. Then the audit runs again, until every
hidden figure passes.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

from .policy import MISSING_MARK, SECONDARY_MARK, Policy
from .tables import Figures

SHOWN, SMALL, SECONDARY = "", "small", "secondary"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Earlier:
    """What earlier outputs told of one figure: its range, and whether one of them hid it."""

    low: float
    high: float
    hidden: bool = False


@dataclass(frozen=True)
class Cell:
    """A figure as published: ``value`` is the true count (for the audit and internal use only),
    ``text`` what is printed, ``published`` the number printed (rounded), None when hidden or missing."""

    value: int | None
    text: str
    suppressed: bool = False
    reason: str = ""  # "" | "small" | "secondary"
    published: int | None = None

    @property
    def chart_value(self) -> int | None:
        return None if self.suppressed else self.published

    def __str__(self) -> str:
        return self.text


def protect(
    figures: Figures,
    policy: Policy | None,
    *,
    earlier: dict[int, Earlier] | None = None,
    frozen: frozenset[int] = frozenset(),
) -> list[Cell]:
    """Each figure as it may be published under ``policy`` (None: exact, nothing hidden), given what
    ``earlier`` outputs told of some figures; ``frozen`` figures were printed only before."""
    states = decide(figures, policy, earlier=earlier, frozen=frozen)
    return [_cell(v, s, policy) for v, s in zip(figures.values, states, strict=True)]


def decide(
    figures: Figures,
    policy: Policy | None,
    *,
    earlier: dict[int, Earlier] | None = None,
    frozen: frozenset[int] = frozenset(),
) -> list[str]:
    """SHOWN, SMALL or SECONDARY for every figure: primary suppression, then the audit loop."""
    values = figures.values
    if policy is None or policy.hide_below is None:
        return [SHOWN] * len(values)
    earlier = earlier or {}
    states = [SMALL if policy.is_small(v) else SHOWN for v in values]
    for i in frozen:  # not printed here: only what earlier outputs told is known of it
        states[i] = SECONDARY
    if SMALL not in states and not any(earlier[i].hidden for i in frozen):
        return states
    need = policy.protection_width - 1
    # Narrowed already by what was printed before: nothing printed now can protect it.
    lost = {i for i, told in earlier.items() if told.high - told.low < need - 1e-6}
    for i in lost:
        if states[i] == SMALL or (i in frozen and earlier[i].hidden):
            logger.warning("Figure %s cannot be protected now: earlier outputs narrowed it.", i)
    lost |= {i for i in frozen if not earlier[i].hidden}  # shown before: not ours to protect
    fixed = frozen | {i for i, e in earlier.items() if e.low == e.high}  # withholding these hides nothing
    totals = figures.totals
    while True:
        ranges = intervals(figures, states, policy, earlier=earlier)
        failing = [i for i, (lo, hi) in ranges.items() if i not in lost and hi - lo < need - 1e-6]
        if not failing:
            return states
        target = min(failing)
        chosen = _complement(figures, states, target, totals, policy, earlier=earlier, fixed=fixed)
        if chosen is None:  # nothing left that could widen it: only when earlier outputs pinned it
            logger.warning("No figure left to withhold for figure %s: earlier outputs pinned it.", target)
            lost.add(target)
            continue
        states[chosen] = SECONDARY


def bounds(value: int | None, state: str, policy: Policy) -> tuple[float, float]:
    """What a reader knows of one figure from how it is printed."""
    if state == SMALL:
        return 1.0, float(policy.hide_below - 1)
    if state == SECONDARY:
        return 0.0, math.inf
    if value is None:
        return 0.0, 0.0
    base = policy.rounding_base
    if not base:
        return float(value), float(value)
    shown = policy.round(value)
    if shown == 0 and policy.hide_below:
        return 0.0, 0.0  # small counts are hidden, so a printed 0 is a true 0
    lo = max(shown - base // 2, 0)
    if policy.hide_below and lo < policy.hide_below:
        lo = policy.hide_below
    return float(lo), float(shown + base // 2)


def intervals(
    figures: Figures,
    states: list[str],
    policy: Policy,
    *,
    only: int | None = None,
    earlier: dict[int, Earlier] | None = None,
) -> dict[int, tuple[float, float]]:
    """The smallest and largest value each hidden figure (or just ``only``) can take, given what is
    printed here and what ``earlier`` outputs told."""
    known = [bounds(v, s, policy) for v, s in zip(figures.values, states, strict=True)]
    for i, told in (earlier or {}).items():
        lo, hi = known[i]
        known[i] = (max(lo, told.low), min(hi, told.high))
    result: dict[int, tuple[float, float]] = {}
    for component in _components(figures, known):
        hidden = [i for i in component["variables"] if states[i] != SHOWN and (only is None or i == only)]
        if not hidden:
            continue
        result.update(_solve(component, known, hidden))
    for i, s in enumerate(states):  # hidden figures in no relation: only their label is known
        if s != SHOWN and i not in result and (only is None or i == only):
            result[i] = known[i]
    return result


def _components(figures: Figures, known):
    """Groups of relations linked through figures whose value is not fixed by what is printed."""
    free = {i for i, (lo, hi) in enumerate(known) if lo != hi}
    parent = list(range(len(figures.relations)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[int, int] = {}
    for r, (total, parts) in enumerate(figures.relations):
        for i in (total, *parts):
            if i in free:
                if i in owner:
                    parent[find(r)] = find(owner[i])
                else:
                    owner[i] = r
    groups: dict[int, list[int]] = {}
    for r in range(len(figures.relations)):
        groups.setdefault(find(r), []).append(r)
    for rels in groups.values():
        variables = sorted({i for r in rels for i in (figures.relations[r][0], *figures.relations[r][1]) if i in free})
        if variables:
            yield {"relations": [figures.relations[r] for r in rels], "variables": variables}


def _solve(component, known, hidden) -> dict[int, tuple[float, float]]:
    if len(component["relations"]) == 1:
        return _solve_one(component["relations"][0], known, hidden)
    variables = component["variables"]
    column = {i: k for k, i in enumerate(variables)}
    a_eq = np.zeros((len(component["relations"]), len(variables)))
    b_eq = np.zeros(len(component["relations"]))
    for row, (total, parts) in enumerate(component["relations"]):
        # total - sum(parts) = 0, with fixed figures moved to the right-hand side
        for i, sign in ((total, 1.0), *((p, -1.0) for p in parts)):
            if i in column:
                a_eq[row, column[i]] += sign
            else:
                b_eq[row] -= sign * known[i][0]
    box = [(known[i][0], None if math.isinf(known[i][1]) else known[i][1]) for i in variables]
    out = {}
    for i in hidden:
        c = np.zeros(len(variables))
        c[column[i]] = 1.0
        low = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=box, method="highs")
        high = linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=box, method="highs")
        lo = low.fun if low.status == 0 else known[i][0]
        hi = -high.fun if high.status == 0 else math.inf
        out[i] = (round(lo, 6), hi if math.isinf(hi) else round(hi, 6))
    return out


def _candidates(
    figures: Figures, states: list[str], target: int, totals: set[int], fixed: frozenset[int] | set[int] = frozenset()
) -> list[int]:
    """Figures that could be withheld next to protect ``target``, the least informative first: walking
    out from the failing figure (its own relations first, then those of the hidden figures next to
    it), a small count's "<5" made "[c]" (it tells less, and hides nothing more), a zero, a count that
    is not a total (the smallest first), then a total."""
    values = figures.values

    def cost(i):
        if states[i] == SMALL:
            return (0, 0, i)
        if values[i] == 0:
            return (1, 0, i)
        return (3 if i in totals else 2, values[i], i)

    frontier, seen, ordered = {target}, set(), []
    while frontier:
        relations = [r for r in figures.relations if r not in seen and (r[0] in frontier or frontier & set(r[1]))]
        if not relations:
            break
        seen.update(relations)
        found = {
            i
            for total, parts in relations
            for i in (total, *parts)
            if i != target and values[i] is not None and states[i] != SECONDARY and i not in ordered and i not in fixed
        }
        ordered += sorted(found, key=cost)
        frontier = {i for total, parts in relations for i in (total, *parts) if states[i] != SHOWN} - {target}
    if states[target] == SMALL and target not in fixed:
        ordered.append(target)
    return ordered


def _solve_one(relation, known, hidden) -> dict[int, tuple[float, float]]:
    """One relation alone: interval arithmetic is exact (a box cut by one plane projects onto each
    axis as the interval the other figures' ranges allow), and much faster than a linear programme."""
    total, parts = relation
    terms = [(total, 1.0), *((p, -1.0) for p in parts)]  # sum of sign * x = 0
    out = {}
    for i, sign in terms:
        if i not in hidden:
            continue
        # sign * x_i = -(sum of the others): the others' sum lies in [low, high]
        low = high = 0.0
        for j, other in terms:
            if j == i:
                continue
            lo_j, hi_j = known[j]
            low += other * (lo_j if other > 0 else hi_j)
            high += other * (hi_j if other > 0 else lo_j)
        lo_i, hi_i = (-high, -low) if sign > 0 else (low, high)
        lo = max(known[i][0], lo_i)
        hi = min(known[i][1], hi_i)
        out[i] = (lo, hi)
    return out


def _complement(
    figures: Figures,
    states: list[str],
    target: int,
    totals: set[int],
    policy: Policy,
    *,
    earlier: dict[int, Earlier] | None = None,
    fixed: frozenset[int] | set[int] = frozenset(),
) -> int | None:
    """The cheapest candidate whose withholding widens ``target``'s range (else the cheapest one)."""
    candidates = _candidates(figures, states, target, totals, fixed)
    if not candidates:
        return None
    lo, hi = intervals(figures, states, policy, only=target, earlier=earlier)[target]
    for i in candidates:
        trial = list(states)
        trial[i] = SECONDARY
        new_lo, new_hi = intervals(figures, trial, policy, only=target, earlier=earlier)[target]
        if new_hi - new_lo > hi - lo + 1e-6:
            return i
    return candidates[0]


def _cell(value: int | None, state: str, policy: Policy | None) -> Cell:
    if value is None:
        return Cell(None, MISSING_MARK)
    if state == SMALL:
        return Cell(value, policy.small_mark, True, SMALL)
    if state == SECONDARY:
        return Cell(value, SECONDARY_MARK, True, SECONDARY)
    shown = policy.round(value) if policy else value
    return Cell(value, f"{shown:,}", False, "", shown)
