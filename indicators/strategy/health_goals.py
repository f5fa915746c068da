"""Process goal owned by the development goals: an information-sharing agreement in place.

Named in the process-goal registry, ``aspm.health_goals``.
"""

from __future__ import annotations

from decimal import Decimal

from partnerships.access import scoped
from partnerships.health.goals import ProcessGoal, Quarter
from partnerships.models import Partnership

from ..models.risks import DevelopmentGoal, DevelopmentGoalCode, GoalStatus

YES, NO = Decimal(100), Decimal(0)


def information_sharing_agreement(partnership: Partnership, quarters: list[Quarter]) -> dict[str, Decimal | None]:
    """Yes (100) from the quarter in which the development goal "information-sharing agreement
    signed" was marked done (its date), No (0) before and while it is not done. One query."""
    goal = (
        scoped(partnership, DevelopmentGoal)
        .filter(code=DevelopmentGoalCode.INFORMATION_SHARING)
        .values("status", "achieved_on", "updated_at")
        .first()
    )
    if goal is None or goal.get("status") != GoalStatus.DONE:
        return {q.label: NO for q in quarters}
    signed = goal["achieved_on"] or goal["updated_at"].date()
    return {q.label: YES if signed <= q.end else NO for q in quarters}


INFORMATION_SHARING = ProcessGoal(
    code="information_sharing",
    name="Information-sharing agreement in place",
    description="Whether the partners have signed an information-sharing agreement (from the "
    "development goals). The target is always yes.",
    unit="yes_no",
    default_target=YES,
    default_margin=Decimal(0),
    calculate=information_sharing_agreement,
    order=50,
    settable=False,
)
