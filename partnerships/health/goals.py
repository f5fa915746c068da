"""Process goals computed from the partnership's own data: a small registry of calculators.

Each :class:`ProcessGoal` knows how to compute its value for a list of quarters from data already in
ASPM, its unit and the default target. The partnership sets its own target and Amber margin
(:class:`partnerships.models.ProcessGoalTarget`); :func:`rag` turns value and target into a status.

To add a goal, write a calculator taking ``(partnership, quarters)`` and returning
``{quarter.label: value or None}`` in the app that owns the data, define the goal there, and name it
in the registry, ``aspm.health_goals`` — so this module imports nothing of it. Named there today:
this app's ``calculators.py`` (attendance, survey score), ``actionplans/health_goals.py`` (actions
completed on time), ``reports/returns/health_goals.py`` (returns on time) and
``indicators/strategy/health_goals.py`` (information-sharing agreement in place).

:func:`partnerships.health.selectors.process_goals_for_year` is the one call for other pages and
reports (the annual report's health section): every goal with its value per quarter of a year, its
target and RAG status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from aspm.financial_calendar import Quarter, calendar_of
from aspm.formatting import format_value

from ..models import Partnership

# A goal's unit as the formatting function names it.
FORMAT_UNITS = {"percent": "percentage", "score": "score", "yes_no": "yes_no"}


@dataclass(frozen=True)
class ProcessGoal:
    code: str
    name: str
    description: str
    unit: str  # "percent", "score" (1 to 5) or "yes_no" (100 = yes, 0 = no)
    default_target: Decimal
    default_margin: Decimal
    calculate: Callable[[Partnership, list[Quarter]], dict[str, Decimal | None]]
    order: int = 100
    settable: bool = True  # False: the target is fixed (e.g. a yes/no goal's target is "yes")

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        return (Decimal(1), Decimal(5)) if self.unit == "score" else (Decimal(0), Decimal(100))

    def format(self, value: Decimal | None) -> str:
        """The value written as every figure is (``aspm.formatting``): "73.3%", "3.8", "Yes"."""
        if value is not None and self.unit == "yes_no":
            value = Decimal(value) / 100  # 100 = yes, 0 = no
        return format_value(value, FORMAT_UNITS.get(self.unit, self.unit))


# What a quarter that has not started yet shows: nothing is computed for it (a calculator would
# otherwise find "no return late" and give 100%).
NOT_OPEN_TEXT = "Not open yet"


def goal_values(
    goal: ProcessGoal, partnership: Partnership, qs: list[Quarter], *, today: dt.date | None = None
) -> list[tuple[Quarter, Decimal | None, str]]:
    """``goal``'s value of each quarter with its text: the one way every page and report computes a
    process goal. Only quarters that have started by ``today`` are computed; a later quarter is
    ``(quarter, None, "Not open yet")``."""
    today = today or timezone.localdate()
    started = [q for q in qs if q.start <= today]
    by_quarter = goal.calculate(partnership, started) if started else {}
    return [
        (q, by_quarter.get(q.label), goal.format(by_quarter.get(q.label)) if q.start <= today else NOT_OPEN_TEXT)
        for q in qs
    ]


def quarters(partnership: Partnership, *, count: int = 6, today: dt.date | None = None) -> list[Quarter]:
    """The last ``count`` quarters of the partnership's financial year, oldest first, ending with the
    quarter that holds ``today``."""
    return calendar_of(partnership).quarters_to(today or dt.date.today(), count)


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


def quarters_between(partnership: Partnership, start: dt.date, end: dt.date) -> list[Quarter]:
    """The quarters of the partnership's calendar from the one holding ``start`` to the one holding
    ``end``, oldest first (e.g. the four quarters of a financial year)."""
    return calendar_of(partnership).quarters_between(start, end)


@dataclass(frozen=True)
class GoalYear:
    """One process goal over a span of quarters, for reports: values, target, latest value and RAG."""

    code: str
    name: str
    description: str
    unit: str
    quarters: list[tuple[Quarter, Decimal | None, str]]  # (quarter, value, value as text)
    target: Decimal
    amber_margin: Decimal
    latest: Decimal | None
    latest_label: str
    status: str  # "green", "amber", "red" or "none"
    status_label: str
    target_text: str
