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
        systems.append((figures, policy, cells))
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
