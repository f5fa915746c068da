"""The sections of the annual report, in order: one line each, so new sections plug in.

Each entry names a :class:`reports.annual.sections.base.Section`. A section gathers its data with a
constant number of queries (``gather``), may draw charts from that data (``draw``), and renders
one template fragment, the same in the PDF and on the web page.
"""

from __future__ import annotations

from functools import cache

from django.utils.module_loading import import_string

SECTIONS: list[str] = [
    "reports.annual.sections.front.COVER",
    "reports.annual.sections.glance.GLANCE",
    "reports.annual.sections.front.CONTENTS",
    "reports.annual.sections.front.ABOUT",
    "reports.annual.sections.front.FOREWORD",
    "reports.annual.sections.strategy.VISION",
    "reports.annual.sections.plan.PARTNERSHIP",
    "reports.annual.sections.plan.OBJECTIVES",
    "reports.annual.sections.results.INDICATORS",
    "reports.annual.sections.delivery.ACTION_PLAN",
    "reports.annual.sections.year_on_year.YEAR_ON_YEAR",
    "reports.annual.sections.delivery.PARTNERS",
    "reports.annual.sections.funded.FUNDED",
    "reports.annual.sections.governance.OUTCOMES",
    "reports.annual.sections.governance.RISKS",
    "reports.annual.sections.governance.GOALS",
    "reports.annual.sections.recommendations.RECOMMENDATIONS",
    "reports.annual.sections.journals.JOURNALS",
    "reports.annual.sections.self_assessment.SELF_ASSESSMENT",
    "reports.annual.sections.feedback.FEEDBACK",
    "reports.annual.sections.front.LEARNING",
    "reports.annual.sections.annex.ANNEX",
]


@cache
def all_sections() -> tuple:
    sections = tuple(import_string(path) for path in SECTIONS)
    keys = [s.key for s in sections]
    assert len(keys) == len(set(keys)), f"Two report sections share a key: {keys}"
    return sections


def choosable_sections() -> list:
    """Sections a coordinator may leave out (the cover, contents and notes are always there)."""
    return [s for s in all_sections() if s.choosable]


def default_section_keys() -> list[str]:
    return [s.key for s in choosable_sections()]
