"""What a report section is, and what every section receives (the report context)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aspm.disclosure.policy import Policy
from aspm.disclosure.suppression import Cell, SuppressedTable, suppress_count, suppress_counts

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
    def threshold(self) -> int | None:
        """The first count shown when the report leaves the partnership; None inside it."""
        return self.disclosure.hide_below if self.disclosure else None

    def counts(self, cells: Sequence[Sequence[int | None]], **totals) -> SuppressedTable:
        """Every table of counts goes through here (and so through the one suppression function)."""
        return suppress_counts(cells, policy=self.disclosure, **totals)

    def count(self, value: int | None) -> Cell:
        return suppress_count(value, policy=self.disclosure)


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
