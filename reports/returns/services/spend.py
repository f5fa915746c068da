"""A monitoring report's money: grant income and expenditure against each budget line of the
agreement for the period, and the period's totals. Staged with the report's other rows (called by
``figures_sync``), checked and saved with its draft (``return_save_draft``), required to submit."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils import timezone

from aspm.financial_calendar import calendar_of
from indicators.models import BudgetLine

from ...models.returns import ReturnSpend

AMOUNT_LIMIT = Decimal("9999999999.99")


def budget_lines_for(return_):
    """The agreement's budget lines for the financial year the report's period falls in."""
    year_start = calendar_of(return_.partnership).year_start(return_.period.start)
    return BudgetLine.objects.filter(agreement_id=return_.agreement_id, year_start=year_start).order_by(
        "category", "description"
    )


def spend_sync(*, return_) -> dict:
    """Stage a row for each budget line of the period's year; drop untouched rows of lines gone.
    Returns the changes for the caller's audit event."""
    if not return_.agreement_id:
        return {}
    wanted = {line.pk: line for line in budget_lines_for(return_)}
    have = {row.budget_line_id: row for row in return_.spend.all()}
    added = [pk for pk in wanted if pk not in have]
    ReturnSpend.objects.bulk_create(
        [ReturnSpend(partnership=return_.partnership, return_obj=return_, budget_line_id=pk) for pk in added]
    )
    stale = [row for pk, row in have.items() if pk not in wanted and row.income is None and row.expenditure is None]
    if stale:
        ReturnSpend.objects.filter(pk__in=[row.pk for row in stale]).delete()
    changes = {}
    if added:
        changes["budget lines added"] = [None, sorted(str(wanted[pk]) for pk in added)]
    if stale:
        changes["budget lines dropped"] = [sorted(str(row.budget_line_id) for row in stale), None]
    return changes


def parse_amount(raw, label: str) -> tuple[Decimal | None, str]:
    """An amount of money typed in a box: (value, "") or (None, the problem in words). Blank is None."""
    text = str(raw if raw is not None else "").strip().replace(",", "").removeprefix("£").strip()
    if not text:
        return None, ""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, f"{label}: give an amount in pounds, such as 1250.50."
    if not value.is_finite():
        return None, f"{label}: give an amount in pounds, such as 1250.50."
    if value < 0:
        return None, f"{label}: give £0 or more (a refund is taken off the period's expenditure)."
    if value > AMOUNT_LIMIT or value != value.quantize(Decimal("0.01")):
        return None, f"{label}: give pounds and pence, up to £{AMOUNT_LIMIT:,}."
    return value, ""


def line_field(row_or_line_id, name: str) -> str:
    line_id = getattr(row_or_line_id, "budget_line_id", row_or_line_id)
    return f"spend-{line_id}-{name}"


def spend_from_post(post, rows) -> dict:
    """``{"lines": {line id: {"income", "expenditure"}}, "income_total", "expenditure_total"}`` from a form."""
    if "expenditure_total" not in post and not any(line_field(r, "expenditure") in post for r in rows):
        return {}
    return {
        "lines": {
            r.budget_line_id: {
                "income": post.get(line_field(r, "income"), ""),
                "expenditure": post.get(line_field(r, "expenditure"), ""),
            }
            for r in rows
        },
        "income_total": post.get("income_total", ""),
        "expenditure_total": post.get("expenditure_total", ""),
    }


def spend_stage(*, return_, data: dict) -> tuple[list[ReturnSpend], dict, dict[str, list[str]]]:
    """Check the posted money. Returns (rows changed, report fields changed, errors keyed by field:
    ``spend-<line id>-income`` / ``-expenditure``, ``income_total``, ``expenditure_total``)."""
    if not data or not return_.agreement_id:
        return [], {}, {}
    rows = {row.budget_line_id: row for row in return_.spend.select_related("budget_line")}
    errors: dict[str, list[str]] = {}
    changed, values = [], {}
    parsed: dict[int, dict] = {}
    for line_id, posted in (data.get("lines") or {}).items():
        row = rows.get(int(line_id))
        if row is None:
            errors[line_field(line_id, "expenditure")] = [
                f"There is no budget line with id {line_id} in this report: give spend only for the lines it lists."
            ]
            continue
        parsed[row.budget_line_id] = {}
        for name, label in (("income", "Income"), ("expenditure", "Expenditure")):
            value, problem = parse_amount((posted or {}).get(name), f"{label} for {row.budget_line}")
            if problem:
                errors[line_field(row, name)] = [problem]
            parsed[row.budget_line_id][name] = value
    for name, label in (
        ("income_total", "Grant income for the period"),
        ("expenditure_total", "Expenditure for the period"),
    ):
        if name in data:
            value, problem = parse_amount(data.get(name), label)
            if problem:
                errors[name] = [problem]
            values[name] = value
    if not errors:
        expenditure = {pk: (parsed.get(pk) or {}).get("expenditure", row.expenditure) for pk, row in rows.items()}
        income = {pk: (parsed.get(pk) or {}).get("income", row.income) for pk, row in rows.items()}
        for name, by_line, what in (
            ("expenditure_total", expenditure, "expenditure"),
            ("income_total", income, "income"),
        ):
            total = values.get(name, getattr(return_, name))
            given = [v for v in by_line.values() if v is not None]
            if total is not None and given and sum(given, Decimal(0)) != total:
                errors[name] = [
                    f"The budget lines' {what} adds up to £{sum(given, Decimal(0)):,.2f}, not the £{total:,.2f} "
                    f"given for the period: correct a line or the total."
                ]
    if errors:
        return [], {}, errors
    for pk, new in parsed.items():
        row = rows[pk]
        if row.income != new["income"] or row.expenditure != new["expenditure"]:
            row.income, row.expenditure = new["income"], new["expenditure"]
            changed.append(row)
    values = {name: value for name, value in values.items() if getattr(return_, name) != value}
    return changed, values, {}


def spend_save(*, changed: list[ReturnSpend]) -> None:
    now = timezone.now()
    for row in changed:
        row.updated_at = now
    if changed:
        ReturnSpend.objects.bulk_update(changed, ["income", "expenditure", "updated_at"])


def spend_missing(return_) -> list[str]:
    """What is still to give before the report can go: the totals and each line's expenditure."""
    if not return_.agreement_id:
        return []
    problems = []
    if return_.expenditure_total is None:
        problems.append("Give the expenditure for the period (£0 if nothing was spent).")
    if return_.income_total is None:
        problems.append("Give the grant income received in the period (£0 if none came in).")
    prefetched = "spend" in getattr(return_, "_prefetched_objects_cache", {})
    rows = return_.spend.all() if prefetched else return_.spend.select_related("budget_line")
    for row in rows:
        if row.expenditure is None:
            problems.append(f"Give the expenditure against {row.budget_line} (£0 if none).")
    return problems
