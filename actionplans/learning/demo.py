"""Demo recommendations register: Northshire's independent evaluation and a peer review, seven
recommendations in our own words (drawn from the themes of an evaluation's management-response
table: learning systems, targets, planning, influence, joint working, sharing practice), answered,
some turned into actions and moved along. Through the services; running it twice adds nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from actionplans import clock
from actionplans import services as actions
from actionplans.selectors import financial_year_start
from partnerships.access import scoped
from partnerships.models import Membership, Organisation, Role

from . import services
from .models import Recommendation

EVALUATION = "Independent evaluation of the partnership"
PEER = "Peer review by Riverside City Modern Slavery Network"

# (reference, source, days from the year start for the source, text, owner, response, reasons,
#  days to respond, days until due, actions as (title, statuses in order))
RECOMMENDATIONS = [
    (
        "1.1",
        EVALUATION,
        -75,
        "Keep a simple journal for each partner we want to influence and review it at every quarterly "
        "meeting, so that changes in their practice are seen and tracked over time.",
        "Northshire County Council",
        "accept",
        "",
        30,
        150,
        [("Set up partner journals and add them to the quarterly meeting agenda", ["amber", "complete"])],
    ),
    (
        "1.2",
        EVALUATION,
        -75,
        "Set targets for what each activity delivers (outputs), not only for the outcomes, so that the "
        "board can see whether the activities are working.",
        "Northshire County Council",
        "accept",
        "",
        30,
        420,
        [("Agree output targets for each sub-group's work plan", ["green"])],
    ),
    (
        "1.3",
        EVALUATION,
        -75,
        "Follow up the people we train three to six months later to find out whether their practice changed.",
        "Safe Harbour Survivor Support",
        "partly",
        "We will follow up frontline training only; the short awareness sessions are too many to follow up.",
        30,
        120,
        [("Send a follow-up survey to frontline trainees after three months", ["amber", "red"])],
    ),
    (
        "1.4",
        EVALUATION,
        -75,
        "Estimate the social value of the partnership's main achievements, for funders and partners.",
        "Northshire County Council",
        "reject",
        "A full social return on investment study costs more than the partnership's yearly budget; we will "
        "revisit it if national funding for evaluation becomes available.",
        30,
        None,
        [],
    ),
    (
        "2.1",
        EVALUATION,
        -75,
        "Plan over three years with yearly milestones, and check progress against them at the annual review.",
        "Northshire County Council",
        "accept",
        "",
        30,
        90,
        [("Write the three-year plan with yearly milestones", ["green", "complete"])],
    ),
    (
        "3.1",
        PEER,
        60,
        "Work with the business members to find sectors at higher risk and offer them training together.",
        "Northshire Business Against Slavery",
        None,
        "",
        45,
        300,
        [],
    ),
    (
        "3.2",
        PEER,
        60,
        "Write up two joint cases each year as learning for every partner, anonymised.",
        "Northshire Constabulary",
        None,
        "",
        200,
        330,
        [],
    ),
]


NOTES = {
    "amber": "Started later than planned.",
    "red": "Too few replies to the survey to tell; managers are being asked to chase their staff.",
    "complete": "Done and reported to the board.",
}


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def seed(world) -> None:
    if "northshire" in world.partnerships:
        with transaction.atomic():
            _seed_northshire(world.partnerships["northshire"])


def _seed_northshire(demo) -> None:
    partnership = demo.partnership
    existing = set(scoped(partnership, Recommendation).values_list("reference", "source_title"))
    organisations = {o.name: o for o in scoped(partnership, Organisation)}
    spocs = {m.organisation_id: m for m in scoped(partnership, Membership).filter(role=Role.SPOC)}
    coordinator = demo.people.get("coordinator")
    today = clock.today()
    start = financial_year_start(partnership, today)
    for ref, source, offset, text, owner, response, reasons, respond_in, due_in, planned in RECOMMENDATIONS:
        if (ref, source) in existing:
            continue
        source_date = start + dt.timedelta(days=offset)
        if source_date > today:
            continue
        organisation = organisations.get(owner) or next(iter(organisations.values()))
        rec = services.recommendation_create(
            actor=coordinator,
            partnership=partnership,
            at=_at(source_date + dt.timedelta(days=3)),
            reference=ref,
            source_kind="peer_review" if source == PEER else "evaluation",
            source_title=source,
            source_date=source_date,
            text=text,
            owner_organisation=organisation,
            owner_person=spocs.get(organisation.pk),
            response_due=source_date + dt.timedelta(days=respond_in),
            due_date=source_date + dt.timedelta(days=due_in) if due_in else None,
        )
        if response is None:
            continue
        answered = source_date + dt.timedelta(days=respond_in - 5)
        services.recommendation_respond(
            actor=coordinator, recommendation=rec, response=response, reasons=reasons, at=_at(answered)
        )
        if not planned:
            continue
        made = services.recommendation_make_actions(
            actor=coordinator,
            recommendation=rec,
            titles=[title for title, _ in planned],
            at=_at(answered + dt.timedelta(days=7)),
        )
        for action, (_title, statuses) in zip(made, planned, strict=True):
            for i, status in enumerate(statuses, start=1):
                when = _at(answered + dt.timedelta(days=7 + 30 * i))
                if when > clock.now():
                    break
                note = NOTES.get(status, "")
                actions.action_set_status(actor=coordinator, action=action, status=status, note=note, at=when)
