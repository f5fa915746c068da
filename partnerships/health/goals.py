"""Process goals computed from the partnership's own data: a small registry of calculators.

Each :class:`ProcessGoal` knows how to compute its value for a list of quarters from data already in
ASPM, its unit and the default target. The partnership sets its own target and Amber margin
(:class:`partnerships.models.ProcessGoalTarget`); :func:`rag` turns value and target into a status.

To add a goal (next: "actions completed on time" from actionplans, "returns on time" from reports,
"data-sharing agreement in place" from the development goals), write a calculator taking
``(partnership, quarters)`` and returning ``{quarter.label: value or None}``, and :func:`register` it
— from the app that owns the data, so this module imports nothing of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..models import Partnership


@dataclass(frozen=True)
class Quarter:
    label: str
    start: dt.date
    end: dt.date  # inclusive


@dataclass(frozen=True)
class ProcessGoal:
    code: str
    name: str
    description: str
    unit: str  # "percent" or "score" (1 to 5)
    default_target: Decimal
    default_margin: Decimal
    calculate: Callable[[Partnership, list[Quarter]], dict[str, Decimal | None]]
    order: int = 100

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        return (Decimal(0), Decimal(100)) if self.unit == "percent" else (Decimal(1), Decimal(5))

    def format(self, value: Decimal | None) -> str:
        if value is None:
            return "—"
        return f"{value:.0f}%" if self.unit == "percent" else f"{value:.1f}"


GOALS: dict[str, ProcessGoal] = {}


def register(goal: ProcessGoal) -> ProcessGoal:
    GOALS[goal.code] = goal
    return goal


def registered() -> list[ProcessGoal]:
    from . import calculators  # noqa: F401 - registers this app's goals

    return sorted(GOALS.values(), key=lambda g: (g.order, g.name))


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def quarters(partnership: Partnership, *, count: int = 6, today: dt.date | None = None) -> list[Quarter]:
    """The last ``count`` quarters of the partnership's financial year, oldest first, ending with the
    quarter that holds ``today``."""
    today = today or dt.date.today()
    start_month = partnership.financial_year_start_month
    offset = (today.month - start_month) % 12
    current_start = _add_months(dt.date(today.year, today.month, 1), -(offset % 3))
    result = []
    for back in range(count - 1, -1, -1):
        start = _add_months(current_start, -3 * back)
        end = _add_months(start, 3) - dt.timedelta(days=1)
        months_in = (start.month - start_month) % 12
        fy_start_year = start.year if start.month >= start_month else start.year - 1
        number = months_in // 3 + 1
        if start_month == 1:
            label = f"Q{number} {fy_start_year}"
        else:
            label = f"Q{number} {fy_start_year}/{(fy_start_year + 1) % 100:02d}"
        result.append(Quarter(label=label, start=start, end=end))
    return result


def rag(value: Decimal | None, target: Decimal, margin: Decimal) -> str:
    """Green at or above target, Amber within the margin below it, Red further below; "none" without data."""
    if value is None:
        return "none"
    if value >= target:
        return "green"
    if value >= target - margin:
        return "amber"
    return "red"


RAG_LABELS = {"green": "Green", "amber": "Amber", "red": "Red", "none": "No data"}


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
