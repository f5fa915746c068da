"""Reads of an agreement's monitoring reports for its page: each period of the schedule begun so
far × each provider, with the report's state. One query."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from partnerships.access import scoped

from ..models.returns import EDITABLE_STATUSES, Return, return_state
from ..returns.selectors import STATE_LABELS
from .schedule import Slot, schedule_slots


class _Found(NamedTuple):
    """What the table needs of a report, read as values (an agreement of three years has some seventy)."""

    pk: int
    organisation_id: int
    period_start: date
    status: str
    started_at: datetime | None
    due_date: date
    first_submitted_at: datetime | None


@dataclass
class ReportCell:
    organisation: object  # partnerships.Organisation
    report_id: int | None
    state: str
    late: bool

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state] + (" (late)" if self.late else "")


@dataclass
class ReportRow:
    slot: Slot
    cells: list[ReportCell] = field(default_factory=list)


def agreement_reports(agreement, providers, today: date) -> list[ReportRow]:
    """Newest period first; a provider with no report for a period begun shows "Not opened"."""
    reports = scoped(agreement.partnership, Return).filter(agreement=agreement).order_by()
    columns = ("pk", "organisation_id", "period__start", "status", "started_at", "due_date", "first_submitted_at")
    found = {(r.organisation_id, r.period_start): r for r in map(_Found._make, reports.values_list(*columns))}
    rows = []
    for slot in reversed([s for s in schedule_slots(agreement) if s.start <= today]):
        row = ReportRow(slot)
        for organisation in providers:
            report = found.get((organisation.pk, slot.start))
            if report is None:
                row.cells.append(ReportCell(organisation, None, "not_opened", False))
                continue
            late = (report.status in EDITABLE_STATUSES and today > report.due_date) or (
                report.first_submitted_at is not None and report.first_submitted_at.date() > report.due_date
            )
            row.cells.append(ReportCell(organisation, report.pk, return_state(report.status, report.started_at), late))
        rows.append(row)
    return rows
