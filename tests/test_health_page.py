"""The partnership health page: process goals computed from meetings and the survey, by quarter,
against the partnership's targets, with a RAG status."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from partnerships import services
from partnerships.health.calculators import attendance_rate, survey_score
from partnerships.health.goals import quarters, rag
from partnerships.health.selectors import attendance_by_organisation
from partnerships.models import Attendance, AttendanceStatus, Partnership, ProcessGoalTarget, Role, Sector, User
from partnerships.services import survey
from partnerships.services.goal_targets import process_goal_target_set

from .health_helpers import all_scores, everyone, meeting, open_round

pytestmark = pytest.mark.django_db

NOV_2026 = dt.date(2026, 11, 26)


def test_quarters_follow_the_partnerships_financial_year(a):
    qs = quarters(a.partnership, count=6, today=NOV_2026)
    assert [q.label for q in qs] == ["2025/26 Q2", "2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026/27 Q2", "2026/27 Q3"]
    assert (qs[-1].start, qs[-1].end) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert (qs[2].start, qs[2].end) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    a.partnership.financial_year_start_month = 1
    assert [q.label for q in quarters(a.partnership, count=2, today=NOV_2026)] == ["2026 Q3", "2026 Q4"]


def test_rag_is_green_at_target_amber_within_the_margin_and_red_below():
    assert rag(Decimal(80), Decimal(80), Decimal(10)) == "green"
    assert rag(Decimal(70), Decimal(80), Decimal(10)) == "amber"
    assert rag(Decimal("69.9"), Decimal(80), Decimal(10)) == "red"
    assert rag(None, Decimal(80), Decimal(10)) == "none"


def test_attendance_rates_by_organisation_and_quarter_come_from_the_meetings(a):
    qs = quarters(a.partnership, count=2, today=NOV_2026)  # Q2 (Jul-Sep) and Q3 (Oct-Dec) 2026/27
    meeting(a, dt.date(2026, 7, 10), everyone(a))
    meeting(a, dt.date(2026, 9, 10), everyone(a, council=AttendanceStatus.APOLOGIES))
    meeting(a, dt.date(2026, 10, 5), everyone(a, council=AttendanceStatus.ABSENT, charity="not_expected"))
    meeting(a, dt.date(2026, 6, 30), everyone(a, police=AttendanceStatus.ABSENT))  # before both quarters
    rows = {r.organisation.name: r for r in attendance_by_organisation(a.partnership, qs)}
    council = rows["Northvale Council"]
    assert (council.present, council.expected) == ([1, 0], [2, 1])
    assert council.rates == [Decimal("50.0"), Decimal("0.0")] and council.overall == Decimal("33.3")
    charity = rows["Northvale Survivor Trust"]
    assert (charity.present, charity.expected, charity.rates[1]) == ([2, 0], [2, 0], None)
    assert rows["Northvale Police"].overall == Decimal("100.0")
    # All organisations: Q2 5 of 6 present; Q3 1 of 2 expected present.
    assert attendance_rate(a.partnership, qs) == {"2026/27 Q2": Decimal("83.3"), "2026/27 Q3": Decimal("50.0")}


def test_the_survey_score_counts_in_the_quarter_the_round_closed_and_only_above_the_threshold(a, b):
    qs = quarters(a.partnership, count=2, today=NOV_2026)
    for side, n in ((a, 5), (b, 4)):
        round = open_round(side, opened_on=dt.date(2026, 10, 1))
        for role in ("coordinator", "spoc_police", "spoc_charity", "board", "viewer")[:n]:
            survey.survey_answer(membership=side.memberships[role], round=round, scores=all_scores(3), comments={})
        survey.survey_round_close(actor=side.coordinator, round=round, closed_on=dt.date(2026, 10, 20))
    assert survey_score(a.partnership, qs) == {"2026/27 Q2": None, "2026/27 Q3": Decimal("3.00")}
    assert survey_score(b.partnership, qs) == {"2026/27 Q2": None, "2026/27 Q3": None}


def test_the_health_page_shows_each_goal_against_the_partnerships_target(a, login):
    meeting(a, dt.date.today(), everyone(a, council=AttendanceStatus.ABSENT))  # 2 of 3: 66.7%
    client = login(a.board)
    url = reverse("health:page", kwargs={"slug": a.slug})
    page = client.get(url).content.decode()
    assert "66.7%" in page and "rag-red" in page  # default target 80% with a 10-point margin
    process_goal_target_set(
        actor=a.coordinator, partnership=a.partnership, goal="attendance", target=Decimal(70), amber_margin=Decimal(5)
    )
    page = client.get(url).content.decode()
    assert "rag-amber" in page and "70%" in page
    assert "<svg" in page and "<table" in page


def test_targets_out_of_range_are_refused_in_plain_words(a, login):
    url = reverse("health:targets", kwargs={"slug": a.slug})
    data = {
        "attendance_target": "120",
        "attendance_margin": "10",
        "survey_score_target": "6",
        "survey_score_margin": "1",
    }
    response = login(a.coordinator).post(url, data)
    assert response.status_code == 200
    assert "less than or equal to 100" in response.content.decode()
    assert not ProcessGoalTarget.objects.exists()
    with pytest.raises(Exception, match="between 1 and 5"):
        process_goal_target_set(
            actor=a.coordinator, partnership=a.partnership, goal="survey_score", target=Decimal(6), amber_margin=0
        )


def test_the_demo_attendance_figures_match_a_count_of_the_seeded_attendance(capsys):
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    northshire = Partnership.objects.get(slug="northshire")
    qs = quarters(northshire, count=6)
    rates = attendance_rate(northshire, qs)
    checked = 0
    for q in qs:
        rows = Attendance.objects.filter(
            partnership=northshire, meeting__held_on__gte=q.start, meeting__held_on__lte=q.end
        ).exclude(status=AttendanceStatus.NOT_EXPECTED)
        expected, present = rows.count(), rows.filter(status=AttendanceStatus.PRESENT).count()
        if expected:
            assert rates[q.label] == (Decimal(100) * present / expected).quantize(Decimal("0.1")), q.label
            checked += 1
        else:
            assert rates[q.label] is None
    assert checked >= 4, "the demo should hold a year of meetings"
    score = survey_score(northshire, qs)
    assert any(v is not None for v in score.values()), "the demo survey round should have results"
    riverside = Partnership.objects.get(slug="riverside")
    assert all(v is None for v in survey_score(riverside, quarters(riverside, count=6)).values())


def test_the_health_page_keeps_a_constant_number_of_queries(a, login, django_assert_max_num_queries):
    for i in range(7):
        services.organisation_create(actor=None, partnership=a.partnership, name=f"Org {i}", sector=Sector.OTHER)
    from partnerships.meetings.selectors import attendance_organisations

    orgs = attendance_organisations(a.partnership)
    for n in range(40):
        meeting(a, dt.date.today() - dt.timedelta(days=9 * n), {o.pk: AttendanceStatus.PRESENT for o in orgs})
    for year in range(2):
        round = open_round(a, opened_on=dt.date.today() - dt.timedelta(200 * year + 30))
        for i in range(6):
            user = User.objects.create_user(email=f"r{year}{i}@x.test", password="x", full_name="R")
            m = services.membership_create(actor=None, partnership=a.partnership, user=user, role=Role.VIEWER)
            survey.survey_answer(membership=m, round=round, scores=all_scores(4), comments={})
        survey.survey_round_close(
            actor=a.coordinator, round=round, closed_on=dt.date.today() - dt.timedelta(200 * year)
        )
    client = login(a.viewer)
    # 12 + the goals of actionplans (two), returns and indicators (one each), the disclosure policy (survey minimum)
    with django_assert_max_num_queries(17):
        response = client.get(reverse("health:page", kwargs={"slug": a.slug}))
    assert response.status_code == 200
    with django_assert_max_num_queries(15):  # 14 + the disclosure policy (the survey's minimum of answers)
        response = client.get(reverse("health:survey", kwargs={"slug": a.slug}))
    assert "Over rounds" in response.content.decode()


def test_the_demo_holds_subgroup_meetings_when_the_subgroups_exist():
    from indicators.demo_content import SUBGROUPS
    from partnerships import demo
    from partnerships.health import demo as health_demo
    from partnerships.models import Meeting, SubGroup

    world = demo.DemoWorld(size="normal")
    demo.seed(world)
    northshire = world.partnerships["northshire"].partnership
    for spec in SUBGROUPS:  # as the strategy seeder makes them, before this one runs
        SubGroup.objects.create(partnership=northshire, name=spec["name"])
    health_demo.seed(world)
    subgroup_meetings = Meeting.objects.filter(partnership=northshire, kind="subgroup")
    assert subgroup_meetings.values("subgroup").distinct().count() == 3
    assert subgroup_meetings.count() == 24
    assert Attendance.objects.filter(meeting__in=subgroup_meetings, status="not_expected").exists()
    before = Meeting.objects.count()
    health_demo.seed(world)
    assert Meeting.objects.count() == before
