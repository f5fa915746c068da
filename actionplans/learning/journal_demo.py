"""Demo outcome journals: Northshire's three boundary partners (hotel and short-let owners, GP
practices, hand car washes), each with its progress markers and a year of quarterly reviews showing
change at different speeds. Through the services; running it twice adds nothing."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from actionplans import clock
from indicators.models import ChainLevel, OutcomeHarvest, ResultsChainEntry
from partnerships.access import scoped
from partnerships.models import Meeting, MeetingKind, Organisation

from .models import BoundaryPartner, MarkerLevel
from .services import journals

E, L, V = MarkerLevel.EXPECT, MarkerLevel.LIKE, MarkerLevel.LOVE

# (name, organisation or None, the change hoped for, markers, markers seen at each of four reviews
#  (oldest first, as indexes into markers), evidence at each review)
PARTNERS = [
    (
        "Hotel and short-let owners",
        None,
        "Owners and their staff notice the signs of sexual exploitation and forced labour in their rooms "
        "and report them the same day.",
        [
            (E, "Owners come to an awareness session"),
            (E, "Owners display the helpline poster where staff see it"),
            (L, "Staff report a suspicious booking to the police"),
            (L, "Owners share their booking checks with each other"),
            (V, "Owners train every new member of staff themselves"),
        ],
        [[0], [0, 1], [0, 1, 2], [0, 1, 2, 3]],
        [
            "Eleven owners came to the spring session run with the hotel association.",
            "Posters seen in most of the hotels visited by licensing officers.",
            "Two calls from reception staff about bookings made by third parties; one led to a safeguarding visit.",
            "The association now circulates a monthly note of booking checks among its members.",
        ],
    ),
    (
        "GP practices",
        None,
        "Practice staff recognise patients who may be exploited and know how to refer them safely.",
        [
            (E, "Each practice names a lead for modern slavery"),
            (E, "Practice leads attend the health briefing"),
            (L, "Practices add a prompt to their patient records system"),
            (V, "Practices refer people directly through the agreed pathway"),
        ],
        [[], [0], [0, 1], [0, 1]],
        [
            "Letters sent to all practices; no replies yet.",
            "Nine practices have named a lead.",
            "Leads from eight practices came to the briefing.",
            "No practice has added a records prompt yet: the software supplier has been asked.",
        ],
    ),
    (
        "Hand car wash operators",
        None,
        "Operators pay, house and employ their workers lawfully and allow inspections without notice.",
        [
            (E, "Operators register with the council"),
            (E, "Operators display workers' rights leaflets in their languages"),
            (L, "Operators keep pay records that inspectors can check"),
            (V, "Operators join the responsible car wash scheme"),
        ],
        [[0], [0], [0, 1], [0, 1, 2]],
        [
            "Fourteen of twenty sites known to the council are registered.",
            "No change since the last review; two new sites found.",
            "Leaflets in four languages seen at most sites on the joint visits.",
            "Pay records checked at six sites; all complete.",
        ],
    ),
]


def seed(world) -> None:
    if "northshire" in world.partnerships:
        with transaction.atomic():
            _seed_northshire(world.partnerships["northshire"])


def _board_meeting_near(meetings: list[Meeting], day: dt.date) -> Meeting | None:
    close = [m for m in meetings if abs((m.held_on - day).days) <= 20]
    return min(close, key=lambda m: abs((m.held_on - day).days)) if close else None


def _seed_northshire(demo) -> None:
    partnership = demo.partnership
    if scoped(partnership, BoundaryPartner).exists():
        return
    coordinator = demo.people.get("coordinator")
    today = clock.today()
    outcomes = list(scoped(partnership, ResultsChainEntry).filter(level=ChainLevel.OUTCOME).order_by("pk")[:3])
    harvest = scoped(partnership, OutcomeHarvest).order_by("-when").first()
    meetings = list(scoped(partnership, Meeting).filter(kind=MeetingKind.BOARD))
    organisations = {o.name: o for o in scoped(partnership, Organisation)}
    for i, (name, organisation, challenge, markers, seen_at, evidence) in enumerate(PARTNERS):
        partner = journals.partner_create(
            actor=coordinator,
            partnership=partnership,
            name=name,
            organisation=organisations.get(organisation) if organisation else None,
            outcome_challenge=challenge,
            outcomes=outcomes[i : i + 1],
        )
        made = [journals.marker_add(actor=coordinator, partner=partner, level=lvl, text=t) for lvl, t in markers]
        for n, (seen, said) in enumerate(zip(seen_at, evidence, strict=True)):
            day = today - dt.timedelta(days=25 + 91 * (len(seen_at) - 1 - n))
            meeting = _board_meeting_near(meetings, day)
            last = n == len(seen_at) - 1
            journals.entry_record(
                actor=coordinator,
                partner=partner,
                date=meeting.held_on if meeting and meeting.held_on <= today else day,
                meeting=meeting,
                evidence=said,
                observed=[made[k] for k in seen],
                harvests=[harvest] if harvest and last and name == "GP practices" else [],
            )
