"""Catch every system of figures an output sends through the disclosure engine, and check each with the
independent solver (``tests.disclosure_checks``): no hidden figure may be narrowed below the policy's
width from what is shown."""

from __future__ import annotations

from contextlib import contextmanager

from .disclosure_checks import reader_ranges


@contextmanager
def captured_systems():
    """Within the block, every ``protect(figures, policy)`` call made by the annual report's results
    section, the quarterly report or the table helper is recorded as ``(figures, policy, cells)``
    in the yielded list."""
    import aspm.disclosure.suppression as suppression
    import reports.count_protection as counts

    systems = []
    original = counts.protect

    def recording(figures, policy, **knowledge):
        cells = original(figures, policy, **knowledge)
        systems.append(_this_output(figures, policy, cells, knowledge.get("frozen", ())))
        return cells

    modules = (counts, suppression)
    saved = [m.protect for m in modules]
    for module in modules:
        module.protect = recording
    try:
        yield systems
    finally:
        for module, function in zip(modules, saved, strict=True):
            module.protect = function


def _this_output(figures, policy, cells, frozen):
    """The system a reader of this output alone sees: without the figures only earlier outputs
    printed (the disclosure ledger's), nor their relations."""
    if not frozen:
        return figures, policy, cells
    from aspm.disclosure.tables import Figures

    keep = [i for i in range(len(figures.values)) if i not in frozen]
    new = {old: n for n, old in enumerate(keep)}
    own = Figures(values=[figures.values[i] for i in keep])
    for total, parts in figures.relations:
        if total in new and all(p in new for p in parts):
            own.relations.append((new[total], tuple(new[p] for p in parts)))
    return own, policy, [cells[i] for i in keep]


def exposed(figures, policy, cells) -> list[tuple[int, tuple[int, int]]]:
    """The hidden figures a reader can narrow to fewer whole numbers than the policy hides, with their
    range (empty when the system is protected)."""
    if policy is None or policy.hide_below is None:
        return []
    states = [c.reason for c in cells]
    if not any(states):
        return []
    ranges = reader_ranges(
        figures.values, figures.relations, states, hide_below=policy.hide_below, rounding=policy.rounding_base
    )
    return [(i, (lo, hi)) for i, (lo, hi) in ranges.items() if hi - lo + 1 < policy.protection_width]


def published_systems(partnership, policy=None, *, export: bool = True) -> list:
    """Every system of figures the partnership's published outputs send through the disclosure engine:
    the annual report's publication version for the current year and (``export``) the figures export
    for publication (every year). ``policy`` overrides the partnership's own for the report."""
    from django.utils import timezone

    from reports.annual.registry import default_section_keys
    from reports.annual.render import build_sections
    from reports.annual.sections.base import ReportContext
    from reports.annual.years import year_containing
    from reports.published_figures import published_dataset

    ctx = ReportContext(
        partnership=partnership,
        year=year_containing(partnership, timezone.localdate()),
        as_of=timezone.now(),
        for_publication=True,
        section_keys=default_section_keys(),
        policy=policy,
    )
    with captured_systems() as systems:
        build_sections(ctx)
        if export and policy is None:  # the export reads the partnership's own policy
            published_dataset(partnership)
    return systems


# ------------------------------------------------------------------ across the outputs of a year
def outputs_of_the_year(partnership) -> list[list]:
    """Make, in order, what the partnership could publish this year, each recorded in the disclosure
    ledger as its job would: at each quarter's end so far, that quarter's report for publication and
    the figures spreadsheet for publication; then the annual report for publication today. Returns
    the counts each output printed (``reports.disclosure_ledger.Printed``, with their text)."""
    from datetime import datetime, time

    from django.utils import timezone

    from indicators.models import PeriodKind, ReportingPeriod
    from reports import disclosure_ledger
    from reports.annual.sections.base import ReportContext
    from reports.annual.sections.results import INDICATORS
    from reports.annual.years import year_containing
    from reports.published_figures import published_dataset
    from reports.returns.quarterly import quarterly_report
    from reports.services import ledger

    today = timezone.localdate()
    year = year_containing(partnership, today)
    ended = ReportingPeriod.objects.filter(
        partnership=partnership, kind=PeriodKind.QUARTER, start__gte=year.start, end__lt=today
    ).order_by("start")
    outputs = []

    def make(output, build):
        with disclosure_ledger.collecting() as printed:
            build()
            ledger.ledger_record(partnership=partnership, printed=list(printed), output=output)
        outputs.append(list(printed))

    for quarter in ended:
        at_end = timezone.make_aware(datetime.combine(quarter.end, time(18)))
        make(f"{quarter.label} report", lambda q=quarter: quarterly_report(partnership, q, for_publication=True))
        make(f"spreadsheet at {quarter.end}", lambda t=at_end: published_dataset(partnership, as_of=t))
    ctx = ReportContext(partnership=partnership, year=year, as_of=timezone.now(), for_publication=True)
    make("annual report", lambda: INDICATORS.gather(ctx))
    return outputs


def exposed_across(outputs: list[list], policy) -> list[tuple]:
    """The hidden counts a reader holding every output can narrow below the policy's width:
    ``(indicator id, key, (min, max))``. Independent of the engine: the relations come from the
    figures' keys (quarters add up to a year to date, a breakdown's groups to its total), what
    each figure can be from each printed text (``disclosure_checks.domain``), intersected."""
    from collections import defaultdict

    if policy is None or policy.hide_below is None:
        return []
    texts: dict[tuple, dict[tuple, list[str]]] = defaultdict(lambda: defaultdict(list))
    for printed in outputs:
        for p in printed:
            texts[(p.indicator_id, p.year_start)][(p.key, p.value)].append(p.text)
    failures = []
    for (indicator_id, _year), figures in texts.items():
        failures += [(indicator_id, key, r) for key, r in _narrowed(figures, policy)]
    return failures


def _narrowed(figures: dict[tuple, list[str]], policy) -> list[tuple]:
    """One indicator's year: (key, (min, max)) of each hidden figure narrowed below the width."""
    from collections import defaultdict

    from .disclosure_checks import SECONDARY, SHOWN, SMALL, domain, ranges_within, whole_number_ranges

    names = list(figures)
    index = {name: i for i, name in enumerate(names)}
    values = [value for _key, value in names]
    by_key = defaultdict(list)
    for name in names:
        by_key[name[0]].append(name)
    cap = max(values) + policy.hide_below
    domains, hidden = [], set()
    for i, name in enumerate(names):
        possible = set(range(cap + 1))
        for text in figures[name]:
            state = SMALL if text.startswith("<") or text == "*" else SECONDARY if text == "[c]" else SHOWN
            if state != SHOWN:
                hidden.add(i)
            possible &= set(domain(name[1], state, hide_below=policy.hide_below,
                                   rounding=policy.rounding_base, cap=cap))  # fmt: skip
        domains.append(possible)
    relations = []
    for i, (key, _value) in enumerate(names):
        if key.startswith(("sum:", "latest:")):
            kind, _, numbers = key.partition(":")
            quarters = [by_key.get(f"q{n}", []) for n in numbers.split(",")]
            if all(len(q) == 1 for q in quarters):
                parts = [index[q[0]] for q in quarters]
                relations.append((i, tuple(parts if kind == "sum" else parts[-1:])))
    groups = defaultdict(list)
    for name in names:
        if name[0].startswith("split:"):
            head, _, total_key = name[0].rpartition("@")
            groups[(head.split(":")[1], total_key)].append(name)
    crosstab = False
    for (dim, total_key), members in groups.items():
        if "*" in dim:
            # A cross-tab's cells (nationality*sex) add up to each of its dimensions' groups at the
            # same date: one relation per group, too many unknowns for the exhaustive search, so the
            # year's system is solved by integer programming instead (``whole_number_ranges``).
            crosstab = True
            cells = [m for m in members if not m[0].split(":", 2)[2].startswith(("_rest@", "_total@"))]
            for position, single in enumerate(dim.split("*")):
                by_group = defaultdict(list)
                for m in cells:
                    by_group[m[0].split(":", 2)[2].rpartition("@")[0].split("*")[position]].append(index[m])
                for group, parts in by_group.items():
                    margin = by_key.get(f"split:{single}:{group}@{total_key}", [])
                    if len(margin) == 1:
                        relations.append((index[margin[0]], tuple(parts)))
        is_total = [m for m in members if m[0].startswith(f"split:{dim}:_total@")]
        totals = is_total or by_key.get(total_key, [])
        if len(totals) == 1:
            relations.append((index[totals[0]], tuple(index[m] for m in members if m not in is_total)))
    # a reader adds up only what truly adds up (the figures' values as printed then)
    relations = [(t, ps) for t, ps in relations if ps and values[t] == sum(values[p] for p in ps)]
    solve = whole_number_ranges if crosstab else ranges_within
    ranges = solve(domains, relations, sorted(hidden))
    return [(names[i][0], (lo, hi)) for i, (lo, hi) in ranges.items() if hi - lo + 1 < policy.protection_width]
