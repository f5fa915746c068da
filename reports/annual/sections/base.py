"""What a report section is, and what every section receives (the report context)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from aspm.disclosure.policy import Policy
from aspm.disclosure.suppression import Cell, SuppressedTable, suppress_count, suppress_counts
from indicators.measurement.finality import Finality, as_at_text, period_finality
from indicators.models import PeriodKind, ReportingPeriod
from partnerships.access import scoped

from ..years import FinancialYear


@dataclass
class ReportContext:
    """Everything a section may use: whose report, which year, for whom, and the small-count rule."""

    partnership: Any
    year: FinancialYear
    as_of: datetime
    for_publication: bool = False
    foreword: str = ""
    learning: str = ""
    next_year_changes: str = ""
    section_keys: Sequence[str] = ()
    requested_by: str = ""
    version_number: int | None = None
    notes: dict[str, Any] = field(default_factory=dict)  # what sections tell each other (e.g. "has_data")
    policy: Policy | None = None  # the partnership's disclosure rules (read once when first needed)
    review: Any = None  # reports.review.TextReview: the free text of a version for publication
    # what earlier outputs for publication printed of this year (reports.disclosure_ledger), by indicator
    earlier: dict = field(default_factory=dict)
    # which indicators the results section covers (measurement's ResultsFilter): None, all of them;
    # a funder's report, its agreement's KPIs
    results_filter: Any = None

    def publishable(self, key: str, label: str, text: str) -> str:
        """Free text as it may be printed: exact inside the partnership; in a version for publication,
        as the coordinator reviewed it (reports.review), every flagged sentence recorded for the review."""
        if not self.for_publication or not text:
            return text
        if self.review is None:
            from reports.review import TextReview

            self.review = TextReview(self.partnership, self.disclosure)
        return self.review.publishable(key, label, text)

    @property
    def disclosure(self) -> Policy | None:
        """The disclosure rules when the report leaves the partnership; None inside it (exact figures)."""
        if not self.for_publication:
            return None
        if self.policy is None:
            from partnerships.selectors import disclosure_policy

            self.policy = disclosure_policy(self.partnership)
        return self.policy

    @property
    def as_at(self) -> date:
        """The date the report's data is as at (the day it was gathered)."""
        return self.as_of.date()

    @property
    def in_year(self) -> bool:
        """Made before the year ended: its figures are the year so far, never "at year end"."""
        return self.as_at <= self.year.end

    @property
    def when(self) -> str:
        """When the report's positions are taken: "at the year end", or "at 3 December 2026" in year."""
        return f"at {as_at_text(self.as_at)}" if self.in_year else "at the year end"

    def finality(self) -> Finality:
        """Whether the year and each of its quarters are final, provisional or not open yet, as at the
        report's date (indicators.measurement.finality). Two queries, once per report."""
        if "finality" not in self.notes:
            periods = list(
                scoped(self.partnership, ReportingPeriod).filter(
                    kind__in=[PeriodKind.YEAR, PeriodKind.QUARTER], start__gte=self.year.start, end__lte=self.year.end
                )
            )
            self.notes["finality"] = period_finality(
                self.partnership, periods, as_at=self.as_at, quarters_included=True
            )
            self.notes["finality_periods"] = periods
        return self.notes["finality"]

    @property
    def figures_status(self) -> str:
        """ "Final figures" (a finished year, locked, every quarter final) or "Provisional figures, as at
        3 December 2026"."""
        finality = self.finality()
        periods = self.notes["finality_periods"]
        years = [p for p in periods if p.kind == PeriodKind.YEAR]
        if self.in_year or not periods:
            return f"Provisional figures, as at {as_at_text(self.as_at)}"
        return finality.summary(years or periods)

    @property
    def threshold(self) -> int | None:
        """The first count shown when the report leaves the partnership; None inside it."""
        return self.disclosure.hide_below if self.disclosure else None

    def counts(self, cells: Sequence[Sequence[int | None]], **totals) -> SuppressedTable:
        """Every table of counts goes through here (and so through the one suppression function)."""
        return suppress_counts(cells, policy=self.disclosure, **totals)

    def count(self, value: int | None) -> Cell:
        return suppress_count(value, policy=self.disclosure)


def gathered(ctx: ReportContext, key: str, path: str) -> dict:
    """What section ``key`` (at import ``path``) gathered for this report, or its gathering now when the
    coordinator left it out (kept for the next reader)."""
    data = ctx.notes.get(f"data:{key}")
    if data is None:
        from django.utils.module_loading import import_string

        data = import_string(path).gather(ctx) or {}
        ctx.notes[f"data:{key}"] = data
    return data


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    gather: Callable[[ReportContext], dict | None]
    draw: Callable[[ReportContext, dict], dict] | None = None
    choosable: bool = True  # the coordinator may leave it out
    in_contents: bool = True
    help_text: str = ""


@dataclass
class RenderedSection:
    section: Section
    data: dict

    @property
    def key(self) -> str:
        return self.section.key

    @property
    def title(self) -> str:
        return self.data.get("title") or self.section.title

    @property
    def anchor(self) -> str:
        return f"section-{self.section.key}"
