"""The process goals this app computes today: attendance at meetings and the survey score (named in
the process-goal registry, ``aspm.health_goals``)."""

from __future__ import annotations

from decimal import Decimal

from ..models import Partnership
from . import selectors
from .goals import ProcessGoal, Quarter


def attendance_rate(partnership: Partnership, quarters: list[Quarter]) -> dict[str, Decimal | None]:
    rows = selectors.attendance_by_organisation(partnership, quarters)
    totals = selectors.attendance_totals(rows, len(quarters))
    return {q.label: value for q, value in zip(quarters, totals, strict=True)}


def survey_score(partnership: Partnership, quarters: list[Quarter]) -> dict[str, Decimal | None]:
    """The mean score of a survey round, in the quarter the round closed (rounds below the
    small-count threshold give nothing)."""
    values: dict[str, Decimal | None] = {q.label: None for q in quarters}
    for round, mean in selectors.survey_scores_by_round(partnership):
        for q in quarters:
            if q.start <= round.closed_on <= q.end:
                values[q.label] = mean
    return values


ATTENDANCE = ProcessGoal(
    code="attendance",
    name="Attendance at meetings",
    description="Share of expected organisations present at board, sub-group and operational meetings "
    "(apologies count as absent).",
    unit="percent",
    default_target=Decimal(80),
    default_margin=Decimal(10),
    calculate=attendance_rate,
    order=10,
)

SURVEY_SCORE = ProcessGoal(
    code="survey_score",
    name="Trust and communication score",
    description="Mean score (1 to 5) over the survey's statements, in the quarter each round closed. "
    "Rounds with too few answers to stay anonymous are left out.",
    unit="score",
    default_target=Decimal("3.8"),
    default_margin=Decimal("0.4"),
    calculate=survey_score,
    order=20,
)
