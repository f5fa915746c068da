"""Demo: the monthly monitoring reports of Northshire's pre-NRM support agreement (seeded by
``indicators.strategy.demo_funding``), through the returns' services: every month begun is opened
for both providers; those already due were submitted and approved, a few of them late, and one was
returned for changes; spend runs slightly under budget. Back-dating the timestamps is the returns
demo's (no service may do it). Adds only what is missing."""

from __future__ import annotations

import zlib
from datetime import date, timedelta
from decimal import Decimal

from indicators.models import Unit

from ..models.returns import Return, ReturnStatus
from ..returns import services as returns
from ..returns.demo import _at, _backdate
from .services import agreement_reports_open

# What each provider spends in a month against each kind of budget line (a little under budget:
# staff £2,000, beds £1,000, volunteers £200 and the hub £300 a month between them).
MONTHLY = {
    "Safe Harbour Survivor Support": {"staff": 1420, "accommodation": 930, "volunteers": 170},
    "Citizens Advice Northshire": {"staff": 500, "running": 290},
}
# ...and the grant each receives for each line every month.
GRANT = {
    "Safe Harbour Survivor Support": {"staff": 1500, "accommodation": 1000, "volunteers": 200},
    "Citizens Advice Northshire": {"staff": 500, "running": 300},
}
# (provider, month number within the agreement) submitted days after the due date; and the one returned.
LATE = {
    ("Safe Harbour Survivor Support", 2): 6,
    ("Safe Harbour Survivor Support", 8): 12,
    ("Citizens Advice Northshire", 5): 3,
}
RETURNED = ("Citizens Advice Northshire", 10)
RETURN_REASON = "The hub's expenditure is well below the month before: say why under Problems, and attach the invoice."
NARRATIVE = {
    "progress": "People referred this month were given a safe bed or advice within a day; the hub took new referrals.",
    "problems": "Interpreters were hard to book at short notice on two occasions.",
    "priorities": "Keep response times under a day and recruit two more volunteers.",
    "points_for_action": "None this month.",
}


def _money(report: Return, name: str, month_no: int) -> dict:
    lines, spent_total, income_total = {}, Decimal(0), Decimal(0)
    for row in report.spend.select_related("budget_line"):
        category = row.budget_line.category
        planned = MONTHLY[name].get(category)
        if planned is None:
            spent, grant = Decimal(0), Decimal(0)
        else:
            wobble = zlib.crc32(f"{name}-{category}-{month_no}".encode()) % 11 - 5  # -5% to +5%
            spent = (Decimal(planned) * (100 + wobble) / 100).quantize(Decimal("0.01"))
            grant = Decimal(GRANT[name][category])
        lines[row.budget_line_id] = {"income": str(grant), "expenditure": str(spent)}
        spent_total += spent
        income_total += grant
    return {"lines": lines, "income_total": str(income_total), "expenditure_total": str(spent_total)}


def _figures(report: Return, month_no: int) -> dict:
    figures = {}
    for figure in report.figures.select_related("indicator"):
        seed = zlib.crc32(f"{figure.indicator.code}-{report.organisation_id}-{month_no}".encode())
        if figure.indicator.unit == Unit.COUNT and figure.indicator.rule not in ("ratio", "mean"):
            figures[figure.indicator_id] = {"value": str(1 + seed % 6)}
        else:
            figures[figure.indicator_id] = {"value": "", "comment": "Given in our quarterly return."}
    return figures


def seed_reports(*, agreement, coordinator, spocs: dict, today: date) -> None:
    """``spocs``: organisation id -> the provider's SPOC user (or None)."""
    agreement_reports_open(actor=coordinator, agreement=agreement, today=today)
    reports = (
        Return.objects.filter(agreement=agreement, status=ReturnStatus.DRAFT, started_at__isnull=True)
        .select_related("organisation", "period", "partnership")
        .order_by("period__start", "organisation__name")
    )
    first = agreement.start_date.replace(day=1)
    for report in reports:
        name = report.organisation.name
        month_no = (report.period.start.year - first.year) * 12 + report.period.start.month - first.month + 1
        author = spocs.get(report.organisation_id) or coordinator
        if report.due_date >= today:  # still with the provider: the latest month is a draft
            if report.period.end < today:
                returns.return_save_draft(actor=author, return_=report, narrative=NARRATIVE)
            continue
        returns.return_save_draft(
            actor=author,
            return_=report,
            narrative=NARRATIVE,
            figures=_figures(report, month_no),
            money=_money(report, name, month_no),
        )
        returns.return_submit(actor=author, return_=report)
        submitted = report.due_date + timedelta(days=LATE.get((name, month_no), -3))
        moments = [_at(submitted)]
        if (name, month_no) == RETURNED:
            returns.return_send_back(actor=coordinator, return_=report, reason=RETURN_REASON)
            moments.append(_at(submitted + timedelta(days=2), 15))
        else:
            returns.return_approve(actor=coordinator, return_=report)
            moments.append(_at(submitted + timedelta(days=4), 16))
        _backdate(report, moments)
