"""An independent check of disclosure protection: try every whole number, no linear programming.

Given the true figures, the relations a reader can use (``total = sum of parts``) and how each figure
is printed, ``reader_ranges`` finds, for each hidden figure, the smallest and largest whole number it
can be, by searching every assignment of whole numbers that fits what is printed (with the simple
step that a relation with one unknown left fixes it). It shares no code with the engine's audit.
"""

from __future__ import annotations

SHOWN, SMALL, SECONDARY = "", "small", "secondary"


def domain(value, state, *, hide_below, rounding, cap):
    """Every whole number a reader thinks a figure can be, from how it is printed."""
    if value is None:
        return [0]
    if state == SMALL:
        return list(range(1, hide_below))
    if state == SECONDARY:
        return list(range(0, cap + 1))
    if not rounding:
        return [value]
    printed = int((value + rounding // 2) // rounding * rounding)
    return [
        v
        for v in range(max(printed - rounding, 0), printed + rounding + 1)
        if int((v + rounding // 2) // rounding * rounding) == printed and (not hide_below or v == 0 or v >= hide_below)
    ]


def _consistent(assigned, relations):
    for total, parts in relations:
        members = (total, *parts)
        if all(m in assigned for m in members) and assigned[total] != sum(assigned[p] for p in parts):
            return False
    return True


def _propagate(assigned, domains, relations):
    """Fill in figures fixed by a relation with one unknown; None when that contradicts something."""
    assigned = dict(assigned)
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            members = (total, *parts)
            unknown = [m for m in members if m not in assigned]
            if len(unknown) != 1:
                continue
            m = unknown[0]
            rest = sum(assigned[p] for p in parts if p != m)
            value = assigned[total] - rest if m != total else rest
            if value not in domains[m]:
                return None
            assigned[m] = value
            changed = True
    return assigned if _consistent(assigned, relations) else None


def _exists(assigned, order, domains, relations):
    assigned = _propagate(assigned, domains, relations)
    if assigned is None:
        return False
    free = [i for i in order if i not in assigned]
    if not free:
        return True
    i = free[0]
    return any(_exists({**assigned, i: v}, order, domains, relations) for v in domains[i])


def reader_ranges(values, relations, states, *, hide_below, rounding=None, cap=None):
    """{index: (min, max)} of every hidden figure, by exhaustive search over whole numbers."""
    # No figure is larger than the largest one; a range cut there is only ever too narrow, never too wide.
    cap = cap if cap is not None else max((v or 0 for v in values), default=0) + (hide_below or 0)
    domains = [
        set(domain(v, s, hide_below=hide_below, rounding=rounding, cap=cap))
        for v, s in zip(values, states, strict=True)
    ]
    return ranges_within(domains, relations, [i for i, s in enumerate(states) if s != SHOWN])


def ranges_within(domains, relations, hidden):
    """{index: (min, max)} of each figure in ``hidden``, given the whole numbers each figure can be
    (``domains``: one set per figure, e.g. what several outputs told of it, intersected)."""
    related = {i for total, parts in relations for i in (total, *parts)}
    order = sorted(related, key=lambda i: len(domains[i]))
    out = {}
    for i in hidden:
        if i not in related:
            out[i] = (min(domains[i]), max(domains[i]))
            continue
        possible = sorted(domains[i])
        low = next(v for v in possible if _exists({i: v}, order, domains, relations))
        high = next(v for v in reversed(possible) if _exists({i: v}, order, domains, relations))
        out[i] = (low, high)
    return out


def narrowest(values, relations, states, *, hide_below, rounding=None):
    """How many whole numbers the most exposed hidden figure can still be (None when nothing is hidden)."""
    ranges = reader_ranges(values, relations, states, hide_below=hide_below, rounding=rounding)
    return min((hi - lo + 1 for lo, hi in ranges.values()), default=None)


def whole_number_ranges(domains, relations, hidden):
    """``ranges_within`` for systems too large to search one assignment at a time (a cross-tab's
    cells tied to each of its dimensions' groups): for each hidden figure, the smallest and largest
    whole number it can be, by integer programming (``scipy.optimize.milp``). Whole numbers are
    required of every figure, so a three-way table, whose linear relaxation can be looser than its
    whole numbers, is judged as a reader with whole numbers would. Each domain must be one run of
    whole numbers (what a printed figure tells always is)."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = len(domains)
    low = np.array([min(d) for d in domains], dtype=float)
    high = np.array([max(d) for d in domains], dtype=float)
    assert all(len(d) == hi - lo + 1 for d, lo, hi in zip(domains, low, high, strict=True)), "a gap in a domain"
    rows = []
    for total, parts in relations:
        row = np.zeros(n)
        row[total] -= 1
        for p in parts:
            row[p] += 1
        rows.append(row)
    constraints = [LinearConstraint(np.array(rows), 0, 0)] if rows else []
    integral = np.ones(n)
    out = {}
    for i in hidden:
        ends = []
        for sign in (1, -1):
            c = np.zeros(n)
            c[i] = sign
            result = milp(c, constraints=constraints, integrality=integral, bounds=Bounds(low, high))
            assert result.success, result.message  # the true figures always fit what was printed
            ends.append(round(result.x[i]))
        out[i] = (ends[0], ends[1])
    return out


def narrowest_whole(values, relations, states, *, hide_below, rounding=None):
    """``narrowest`` by integer programming, for systems too large for the exhaustive search."""
    cap = max((v or 0 for v in values), default=0) + (hide_below or 0)
    domains = [
        set(domain(v, s, hide_below=hide_below, rounding=rounding, cap=cap))
        for v, s in zip(values, states, strict=True)
    ]
    ranges = whole_number_ranges(domains, relations, [i for i, s in enumerate(states) if s != SHOWN])
    return min((hi - lo + 1 for lo, hi in ranges.values()), default=None)
