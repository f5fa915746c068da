"""The agreement page's tables of monitoring reports and of spend against budget, their rows built
in Python: an agreement of three years has some seventy report cells (periods × providers) and
fifteen spend rows, and the template engine took a third of the page's time on them. Words that
come from users are escaped here."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

from aspm.formatting import format_value

from .selectors import ReportCell, ReportRow
from .spend import OVER, UNDER, LineSpend, YearSpend

FLAGS = {
    OVER: '<span class="badge text-bg-danger">Overspend</span>',
    UNDER: '<span class="badge text-bg-warning">Underspend</span>',
    "": '<span class="text-body-secondary">Within tolerance</span>',
}


def _td(cell: ReportCell, period: str, address: Callable[[int], str], opens: Callable[[ReportCell], bool]) -> str:
    provider = escape(cell.organisation)
    text = escape(cell.label)
    if cell.report_id and opens(cell):
        hidden = f'<span class="visually-hidden">: {provider}, {period}</span>'
        text = f'<a href="{escape(address(cell.report_id))}">{text}{hidden}</a>'
    return f'<td data-label="{provider}">{text}</td>'


def rows_html(rows: list[ReportRow], *, address: Callable[[int], str], opens: Callable[[ReportCell], bool]) -> str:
    """Each period's row, newest first: a cell per provider with the report's state, a link to the
    report where ``opens(cell)`` (``address(pk)`` is a report's page)."""
    html = []
    for row in rows:
        period = escape(row.slot.label)
        cells = "".join(_td(cell, period, address, opens) for cell in row.cells)
        html.append(f'<tr><th scope="row" class="fw-normal">{period}</th>{cells}</tr>')
    return mark_safe("".join(html))  # noqa: S308 - escaped above


def _money(value) -> str:
    return format_value(value, "money")


def _signed(value: Decimal, text: str) -> str:
    return f"+{text}" if value > 0 else text


def spend_tr(row: LineSpend, *, total: bool = False) -> str:
    """One budget line's row (or, with ``total``, the year's total row) of a year's spend table."""
    variance = _signed(row.variance, _money(row.variance))
    if row.variance_percent is not None:
        percent = row.variance_percent.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        variance += f' <span class="text-body-secondary small">({_signed(percent, str(percent))}%)</span>'
    forecast = _money(row.forecast) if row.forecast is not None else "—"
    flagged = ' class="spend-flagged"' if row.flag else ""
    normal = "" if total else ' class="fw-normal"'
    return (
        f'<tr{flagged}><th scope="row"{normal}>{escape(row.label)}</th>'
        f'<td class="text-end" data-label="Budget for the year">{_money(row.year_budget)}</td>'
        f'<td class="text-end" data-label="Budget to date">{_money(row.to_date_budget)}</td>'
        f'<td class="text-end" data-label="Spent to date">{_money(row.to_date_spent)}</td>'
        f'<td class="text-end" data-label="Variance">{variance}</td>'
        f'<td class="text-end" data-label="Forecast for the year">{forecast}</td>'
        f'<td data-label="Flag">{FLAGS[row.flag]}</td></tr>'
    )


def spend_rows_html(year: YearSpend) -> tuple[str, str]:
    """A year's spend table: the budget lines' rows, and the total's row (its foot)."""
    body = "".join(spend_tr(row) for row in year.lines)
    return mark_safe(body), mark_safe(spend_tr(year.total, total=True))  # noqa: S308 - numbers and escaped labels
