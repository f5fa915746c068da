"""The process goals of the partnership health page, in one list: each app names its own here.

Each entry names a :class:`partnerships.health.goals.ProcessGoal` defined in the module of the app that
owns the data, so the health module imports none of them (the registry style of ``aspm.hooks``,
``aspm.dashboard`` and ``reports.annual.registry``: a list of dotted names, no registration at start-up).
Pages and reports read the goals through :func:`registered`, in their ``order``.
"""

from __future__ import annotations

from functools import cache

from django.utils.module_loading import import_string

GOALS: list[str] = [
    "partnerships.health.calculators.ATTENDANCE",
    "partnerships.health.calculators.SURVEY_SCORE",
    "actionplans.health_goals.ACTIONS_ON_TIME",
    "reports.returns.health_goals.RETURNS_ON_TIME",
    "indicators.strategy.health_goals.INFORMATION_SHARING",
]


@cache
def registered() -> tuple:
    """Every process goal, in order (the goal's ``order``, then its name)."""
    goals = [import_string(path) for path in GOALS]
    codes = [g.code for g in goals]
    assert len(codes) == len(set(codes)), f"Two process goals share a code: {codes}"
    return tuple(sorted(goals, key=lambda g: (g.order, g.name)))


def goal(code: str):
    """The process goal with ``code``, or None."""
    return next((g for g in registered() if g.code == code), None)
