"""Process goals registered by the apps that own the data — actions completed on time (status
history), returns on time, the information-sharing agreement — computed from known data, and
``process_goals_for_year`` as the annual report will call it."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from actionplans import clock
from actionplans.health_goals import actions_completed_on_time
from actionplans.models import RagStatus
from actionplans.services import action_create, action_set_status
from aspm import health_goals
from indicators.models.risks import DevelopmentGoal, DevelopmentGoalCode, GoalStatus
from indicators.strategy.health_goals import information_sharing_agreement
from indicators.strategy.services import create_development_goals, development_goal_update
from partnerships.health.goals import quarters, quarters_between
from partnerships.health.selectors import process_goals_for_year
from partnerships.services.goal_targets import process_goal_target_set
from reports.models import Return
from reports.returns import services
from reports.returns.health_goals import returns_on_time
from reports.returns.services import returns_open_for_period

from .returns_cast import NARRATIVE, quarter

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
NOV_2026 = dt.date(2026, 11, 26)


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: at(NOV_2026))


def _action(side, due: dt.date, completed: dt.date | None = None, status: str | None = None):
    action = action_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title=f"Due {due}",
        owner_organisation=side.police,
        due_date=due,
        at=at(dt.date(2026, 4, 1)),
    )
    if completed:
        action_set_status(actor=side.coordinator, action=action, status=RagStatus.COMPLETE, at=at(completed))
    if status:
        action_set_status(actor=side.coordinator, action=action, status=status, note="Slipping", at=at(NOV_2026, 9))
    return action


def test_every_apps_goal_is_registered_without_partnerships_importing_it():
    assert [g.code for g in health_goals.registered()] == [
        "attendance",
        "survey_score",
        "actions_on_time",
        "returns_on_time",
        "information_sharing",
    ]


def test_actions_completed_on_time_come_from_the_status_history_by_quarter_of_the_due_date(a, b, fixed_clock):
    qs = quarters(a.partnership, count=2, today=NOV_2026)  # Q2 (Jul-Sep) and Q3 (Oct-Dec) 2026/27
    _action(a, dt.date(2026, 8, 15), completed=dt.date(2026, 8, 10))  # Q2 on time
    _action(a, dt.date(2026, 9, 1), completed=dt.date(2026, 9, 20))  # Q2 late
    _action(a, dt.date(2026, 9, 30))  # Q2 never completed
    _action(a, dt.date(2026, 10, 10), completed=dt.date(2026, 10, 10))  # Q3 on the day: on time
    _action(a, dt.date(2026, 12, 15), completed=dt.date(2026, 11, 1))  # Q3 not due yet but done: counts
    _action(a, dt.date(2026, 12, 20))  # Q3 not due yet, not done: not counted
    _action(a, dt.date(2026, 11, 1), status=RagStatus.AMBER)  # Q3 overdue
    _action(a, dt.date(2026, 6, 30), completed=dt.date(2026, 6, 1))  # Q1: outside both quarters
    for _ in range(3):
        _action(b, dt.date(2026, 8, 1))  # another partnership's late actions change nothing
    assert actions_completed_on_time(a.partnership, qs) == {
        "2026/27 Q2": Decimal("33.3"),
        "2026/27 Q3": Decimal("66.7"),
    }


def test_a_quarter_without_actions_due_has_no_value(a, fixed_clock):
    qs = quarters(a.partnership, count=2, today=NOV_2026)
    assert actions_completed_on_time(a.partnership, qs) == {"2026/27 Q2": None, "2026/27 Q3": None}


def test_returns_on_time_count_the_first_submission_against_the_due_date(a, b):
    autumn, winter = quarter(a, dt.date(2025, 10, 1)), quarter(a, dt.date(2026, 1, 1))
    for period in (autumn, winter):
        returns_open_for_period(actor=a.coordinator, period=period)
    returns_open_for_period(actor=b.coordinator, period=quarter(b, dt.date(2025, 10, 1)))
    mine = {(r.period_id, r.organisation_id): r for r in Return.objects.filter(partnership=a.partnership)}
    assert len(mine) == 4  # the police and the charity have a SPOC each
    # Oct-Dec 2025 returns are due 31 January 2026; Jan-Mar 2026 returns by 30 April 2026.
    submitted = {
        (autumn.pk, a.police.pk): at(dt.date(2026, 1, 20)),
        (autumn.pk, a.charity.pk): at(dt.date(2026, 2, 3)),
        (winter.pk, a.police.pk): at(dt.date(2026, 4, 30), 23),  # late in the evening of the due day
    }
    for key, when in submitted.items():
        Return.objects.filter(pk=mine[key].pk).update(first_submitted_at=when, submitted_at=when, status="submitted")
    Return.objects.filter(partnership=b.partnership).update(first_submitted_at=at(dt.date(2026, 1, 5)))
    qs = quarters(a.partnership, count=3, today=dt.date(2026, 6, 1))  # 2025/26 Q3, 2025/26 Q4, 2026/27 Q1
    assert returns_on_time(a.partnership, qs) == {
        "2025/26 Q3": None,
        "2025/26 Q4": Decimal("50.0"),
        "2026/27 Q1": Decimal("50.0"),
    }


def test_the_information_sharing_agreement_is_in_place_from_the_quarter_it_was_signed(a):
    qs = quarters(a.partnership, count=3, today=dt.date(2026, 6, 1))
    assert set(information_sharing_agreement(a.partnership, qs).values()) == {Decimal(0)}
    create_development_goals(actor=a.coordinator, partnership=a.partnership)
    goal = DevelopmentGoal.objects.get(partnership=a.partnership, code=DevelopmentGoalCode.INFORMATION_SHARING)
    development_goal_update(actor=a.coordinator, goal=goal, status=GoalStatus.IN_PROGRESS)
    assert set(information_sharing_agreement(a.partnership, qs).values()) == {Decimal(0)}
    development_goal_update(actor=a.coordinator, goal=goal, status=GoalStatus.DONE, achieved_on=dt.date(2026, 2, 14))
    assert information_sharing_agreement(a.partnership, qs) == {
        "2025/26 Q3": Decimal(0),
        "2025/26 Q4": Decimal(100),
        "2026/27 Q1": Decimal(100),
    }


def test_quarters_between_cover_a_financial_year(a):
    qs = quarters_between(a.partnership, dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert [q.label for q in qs] == ["2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4"]


def test_process_goals_for_year_give_quarter_values_targets_and_rag(a, fixed_clock):
    _action(a, dt.date(2026, 5, 15), completed=dt.date(2026, 5, 1))
    _action(a, dt.date(2026, 8, 15), completed=dt.date(2026, 8, 10))
    _action(a, dt.date(2026, 8, 20))
    process_goal_target_set(
        actor=a.coordinator,
        partnership=a.partnership,
        goal="actions_on_time",
        target=Decimal(80),
        amber_margin=Decimal(20),
    )
    goals = {
        g.code: g
        for g in process_goals_for_year(a.partnership, dt.date(2026, 4, 1), dt.date(2027, 3, 31), today=NOV_2026)
    }
    actions = goals["actions_on_time"]
    assert [(q.label, v, text) for q, v, text in actions.quarters] == [
        ("2026/27 Q1", Decimal("100.0"), "100%"),
        ("2026/27 Q2", Decimal("50.0"), "50%"),
        ("2026/27 Q3", None, "–"),
        ("2026/27 Q4", None, "Not open yet"),
    ]
    assert (actions.target, actions.amber_margin, actions.latest, actions.latest_label) == (
        Decimal(80),
        Decimal(20),
        Decimal("50.0"),
        "2026/27 Q2",
    )
    assert (actions.status, actions.status_label) == ("red", "Red")
    sharing = goals["information_sharing"]
    assert (sharing.status, sharing.target_text, sharing.quarters[0][2]) == ("red", "Yes", "No")
    assert goals["attendance"].status == "none"


def test_the_information_sharing_target_cannot_be_changed(a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        process_goal_target_set(
            actor=a.coordinator,
            partnership=a.partnership,
            goal="information_sharing",
            target=Decimal(0),
            amber_margin=Decimal(0),
        )


def test_returns_on_time_is_not_computed_for_a_quarter_that_has_not_started(a):
    """Q3's returns are due on 31 January, in Q4; one sent already is on time. Q4 has not started on
    3 December, so it shows no value, not "100%"."""
    q3 = quarter(a, dt.date(2026, 10, 1))
    returns_open_for_period(actor=a.coordinator, period=q3)
    early = Return.objects.get(period=q3, organisation=a.police)
    assert early.due_date.month == 1  # due in Q4
    services.return_save_draft(actor=a.spoc_police, return_=early, narrative=NARRATIVE)
    services.return_submit(actor=a.spoc_police, return_=early)
    goals = {
        g.code: g
        for g in process_goals_for_year(
            a.partnership, dt.date(2026, 4, 1), dt.date(2027, 3, 31), today=dt.date(2026, 12, 3)
        )
    }
    q4 = goals["returns_on_time"].quarters[3]
    assert (q4[0].label, q4[1], q4[2]) == ("2026/27 Q4", None, "Not open yet")
    # once Q4 has begun, the same return counts
    later = {
        g.code: g
        for g in process_goals_for_year(
            a.partnership, dt.date(2026, 4, 1), dt.date(2027, 3, 31), today=dt.date(2027, 1, 5)
        )
    }
    assert later["returns_on_time"].quarters[3][2] == "100%"
