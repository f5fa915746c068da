"""Demo data for meetings and partnership health, made through the services.

Northshire: a year of meetings (board every quarter, operational every other month, and each
sub-group every six weeks when the strategy seeder has made the sub-groups), with attendance that
differs by organisation; two closed survey rounds with enough anonymous answers to show results.
The demo has only five named logins, fewer than the small-count threshold of five plus a margin,
so seven more members are added as viewers: representatives of partner organisations who answer
the survey (their emails are printed with the other logins). Riverside: one closed round answered
by three people, below its threshold, so its page shows the "not enough answers" message.
Running it again adds nothing: it stops where meetings or rounds already exist.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .. import services as partnership_services
from ..demo import DEMO_PASSWORD, DemoPartnership, DemoWorld, _ensure_member
from ..meetings import services as meeting_services
from ..models import (
    AttendanceStatus,
    Meeting,
    MeetingKind,
    Membership,
    Organisation,
    ProcessGoalTarget,
    Role,
    SubGroup,
    SurveyRound,
)
from ..services import survey
from ..services.goal_targets import process_goal_target_set
from .statements import STATEMENTS

# How likely each kind of organisation is to turn up (by a word in its name).
TURNOUT = {
    "Constabulary": 0.95,
    "County Council": 0.9,
    "Safe Harbour": 0.9,
    "Eastbrook": 0.7,
    "NHS": 0.6,
    "Citizens Advice": 0.75,
    "Probation": 0.65,
    "Fire": 0.55,
    "Business": 0.5,
    "Churches": 0.45,
}

EXTRA_MEMBERS = [
    ("member1", "Hannah Mills"),
    ("member2", "Joseph Adeyemi"),
    ("member3", "Ruth Kowalski"),
    ("member4", "Imran Qureshi"),
    ("member5", "Clare Donnelly"),
    ("member6", "Peter Lloyd"),
    ("member7", "Sofia Marin"),
]

BOARD_AGENDA = (
    "1. Apologies and minutes of the last meeting\n2. Action plan: RAG review of red and amber actions\n"
    "3. Quarterly returns and indicator highlights\n4. Risk register\n5. Sub-group updates\n6. Any other business"
)
BOARD_MINUTES = (
    "The chair welcomed members. The coordinator took the board through the action plan: most actions are on "
    "track; the board asked owners of red actions to bring recovery dates to the next meeting. Partners "
    "reported a rise in referrals from the car wash visits and agreed to keep the joint visits going. The "
    "information-sharing agreement still lacks two signatures; the chair will write to both organisations."
)
OPERATIONAL_AGENDA = "1. Cases and concerns raised since the last meeting\n2. Planned joint visits\n3. Training dates"
SUBGROUP_AGENDA = "1. Work plan progress\n2. Barriers needing the board's help\n3. Next steps"

BOARD_ITEMS = [
    ("Bring a recovery date for each red action to the next board.", "Northshire County Council", 30),
    ("Write to the two partners yet to sign the information-sharing agreement.", None, 14),
    ("Circulate the quarterly indicator summary to all partners.", "Northshire Constabulary", 10),
]


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _attendance(rng: random.Random, organisations: list[Organisation], expected: set[int] | None) -> dict:
    result = {}
    for org in organisations:
        if expected is not None and org.pk not in expected:
            result[org.pk] = AttendanceStatus.NOT_EXPECTED
            continue
        turnout = next((p for word, p in TURNOUT.items() if word in org.name), 0.7)
        if rng.random() < turnout:
            result[org.pk] = AttendanceStatus.PRESENT
        else:
            result[org.pk] = AttendanceStatus.APOLOGIES if rng.random() < 0.6 else AttendanceStatus.ABSENT
    return result


def _seed_meetings(demo: DemoPartnership, today: dt.date) -> None:
    partnership = demo.partnership
    if Meeting.objects.filter(partnership=partnership).exists():
        return
    organisations = list(Organisation.objects.filter(partnership=partnership, is_active=True).order_by("name"))
    by_name = {o.name: o for o in organisations}
    rng = random.Random(f"meetings-{partnership.slug}")  # noqa: S311 - demo data, not security
    plan: list[tuple[dt.date, str, str, SubGroup | None, str, set[int] | None]] = []
    for n in range(4):
        day = _weekday(today - dt.timedelta(days=20 + 91 * n))
        plan.append((day, MeetingKind.BOARD, "Quarterly board meeting", None, BOARD_AGENDA, None))
    for n in range(6):
        day = _weekday(today - dt.timedelta(days=45 + 61 * n))
        plan.append((day, MeetingKind.OPERATIONAL, "Operational group", None, OPERATIONAL_AGENDA, None))
    subgroups = SubGroup.objects.filter(partnership=partnership).select_related("chair").order_by("pk")
    for i, subgroup in enumerate(subgroups):  # the plan's sub-groups, made by the strategy demo
        chair = subgroup.chair.organisation_id if subgroup.chair else None
        members = {o.pk for o in rng.sample(organisations, k=min(4, len(organisations)))}
        if chair is not None:
            members.add(chair)
        for n in range(8):
            day = _weekday(today - dt.timedelta(days=10 + 7 * i + 42 * n))
            plan.append((day, MeetingKind.SUBGROUP, f"{subgroup.name} sub-group", subgroup, SUBGROUP_AGENDA, members))
    with transaction.atomic():
        for day, kind, title, subgroup, agenda, expected in sorted(plan, key=lambda p: p[0]):
            meeting = meeting_services.meeting_create(
                actor=None,
                partnership=partnership,
                attendance=_attendance(rng, organisations, expected),
                kind=kind,
                held_on=day,
                title=title,
                subgroup=subgroup,
                agenda=agenda,
                minutes=BOARD_MINUTES if kind == MeetingKind.BOARD else "Notes kept by the chair; see actions arising.",
            )
            if kind == MeetingKind.BOARD:
                for text, owner, days in BOARD_ITEMS[: 1 + day.month % 3]:
                    meeting_services.meeting_item_add(
                        actor=None,
                        meeting=meeting,
                        text=text,
                        owner_organisation=by_name.get(owner) if owner else None,
                        due_on=day + dt.timedelta(days=days),
                    )


COMMENTS = {
    "share_data": [
        "Health colleagues still cannot share much until the agreement is signed.",
        "Data arrives, but often too late to plan a visit around it.",
    ],
    "trust_candid": ["Board meetings feel more open than a year ago."],
    "comm_contact": ["Having one named SPOC in each organisation has made a real difference."],
    "purpose_worth": ["Worth it, though the meetings could be shorter."],
}


def _answer_round(round: SurveyRound, memberships: list[Membership], *, base: float, seed: str) -> None:
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    lift = {"trust": 0.2, "communication": 0.3, "sharing": -0.6, "purpose": 0.4}
    for i, membership in enumerate(memberships):
        scores, comments = {}, {}
        for s in STATEMENTS:
            if rng.random() < 0.05:
                scores[s.code] = None
                continue
            scores[s.code] = max(1, min(5, round_half(base + lift[s.theme] + rng.gauss(0, 0.8))))
            options = COMMENTS.get(s.code, [])
            if i < len(options):  # each remark is written by one person only
                comments[s.code] = options[i]
        survey.survey_answer(membership=membership, round=round, scores=scores, comments=comments)


def round_half(value: float) -> int:
    return int(Decimal(str(value)).quantize(Decimal(1)))


def _seed_survey(demo: DemoPartnership, today: dt.date, *, rounds: list[tuple[str, int, int, float]], answer: int):
    partnership = demo.partnership
    if SurveyRound.objects.filter(partnership=partnership).exists():
        return
    memberships = list(Membership.objects.filter(partnership=partnership).order_by("user__email"))
    with transaction.atomic():
        for title, opened_ago, closed_ago, base in rounds:
            r = survey.survey_round_open(
                actor=None, partnership=partnership, title=title, opened_on=today - dt.timedelta(days=opened_ago)
            )
            _answer_round(r, memberships[:answer], base=base, seed=f"{partnership.slug}-{title}")
            survey.survey_round_close(actor=None, round=r, closed_on=today - dt.timedelta(days=closed_ago))


def _add_representatives(world: DemoWorld, demo: DemoPartnership) -> None:
    slug = demo.partnership.slug
    for key, name in EXTRA_MEMBERS:
        email = f"{key}@{slug}.example"
        user = partnership_services.user_ensure(email=email, full_name=name, password=DEMO_PASSWORD)
        _ensure_member(demo.partnership, user, Role.VIEWER)
        demo.people[key] = user
    world.logins.append(
        (
            demo.partnership.name,
            "Viewers: partner representatives (answer the survey)",
            f"member1…member7@{slug}.example",
        )
    )


def seed(world: DemoWorld) -> None:
    today = timezone.localdate()
    northshire = world.partnerships.get("northshire")
    if northshire is not None:
        _add_representatives(world, northshire)
        _seed_meetings(northshire, today)
        _seed_survey(
            northshire,
            today,
            rounds=[
                ("Trust and communication survey, last year", 420, 390, 3.0),
                ("Trust and communication survey, this year", 75, 50, 3.5),
            ],
            answer=11,
        )
        if not _has_targets(northshire):
            for goal, target, margin in (("attendance", 75, 10), ("survey_score", Decimal("3.5"), Decimal("0.3"))):
                process_goal_target_set(
                    actor=None,
                    partnership=northshire.partnership,
                    goal=goal,
                    target=Decimal(target),
                    amber_margin=Decimal(margin),
                )
    riverside = world.partnerships.get("riverside")
    if riverside is not None:
        _seed_meetings(riverside, today)
        _seed_survey(riverside, today, rounds=[("Trust and communication survey", 60, 30, 3.4)], answer=3)


def _has_targets(demo: DemoPartnership) -> bool:
    return ProcessGoalTarget.objects.filter(partnership=demo.partnership).exists()
