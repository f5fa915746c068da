"""Demo self-assessment: Northshire's round of last year (closed) and this year's (open), rated by six of its
organisations, with most statements a level higher this year and a few gaps left (record keeping,
supply chains, survivor voice). This year's round is peer reviewed by another demo partnership (Riverside,
or Greater Westmoor), whose coordinator has left feedback. Through the services; running it twice adds
nothing."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from actionplans import clock
from partnerships.access import scoped
from partnerships.models import Organisation

from . import self_assessment_template as template
from .models import AssessmentRound
from .services import peer_review
from .services import self_assessment as services

RATERS = [  # (organisation, who rates for it: a demo person's key, else the coordinator)
    ("Northshire Constabulary", "spoc1"),
    ("Northshire County Council", None),
    ("Eastbrook District Council", None),
    ("Northshire NHS Foundation Trust", None),
    ("Safe Harbour Survivor Support", "spoc2"),
    ("Northshire Business Against Slavery", None),
]
STUBBORN = {"DAT1", "PRE2", "VIC4"}  # statements that stay low: the gaps this year's round still shows
OWN_STATEMENT = "We take part in the partnership's joint visits to car washes and nail bars."
EVIDENCE = {
    "governance": "Named lead in our modern slavery statement; attendance recorded in the board minutes.",
    "information": "Information-sharing agreement signed; intelligence submissions logged.",
    "victims": "Training records for front-line staff; referral figures from the quarterly return.",
    "prevention": "Campaign materials and procurement checks on file.",
    "justice": "Case files and witness care records.",
    "data": "Quarterly returns submitted; retention schedule in place.",
    "own": "Dates and notes of joint visits.",
}


def _level(last_year: bool, org: int, n: int, code: str) -> int:
    base = 1 + (org * 2 + n * 7) % 3  # 1 to 3, spread across organisations and statements
    if code in STUBBORN:
        base = 1 + (org + n) % 2
    if last_year or code in STUBBORN:
        return base
    return min(template.HIGHEST, base + (1 if n % 5 else 0))  # every fifth statement has not moved


PEER_FEEDBACK = (
    "A candid round with evidence behind most ratings. Data and record keeping (DAT1) is the gap to close "
    "first: we would be glad to share our retention schedule. Survivor voice (VIC4) could draw on the "
    "feedback forms your partners already run."
)


def seed(world) -> None:
    if "northshire" in world.partnerships:
        with transaction.atomic():
            _seed_northshire(world.partnerships["northshire"])
            reviewer = next((world.partnerships[k] for k in ("riverside", "westmoor") if k in world.partnerships), None)
            if reviewer is not None:
                _seed_peer_review(world.partnerships["northshire"], reviewer)


def _seed_peer_review(demo, reviewer) -> None:
    """Northshire's latest round, reviewed by ``reviewer``'s coordinator, who has written feedback."""
    latest = scoped(demo.partnership, AssessmentRound).order_by("-opens_on", "-id").first()
    if latest is None or latest.peer_reviews.exists():
        return
    invitation = peer_review.peer_review_invite(
        actor=demo.people.get("coordinator"), round=latest, reviewer=reviewer.partnership
    )
    coordinator = reviewer.people.get("coordinator")
    if coordinator is not None:
        peer_review.peer_review_feedback(actor=coordinator, invitation=invitation, feedback=PEER_FEEDBACK)


def _seed_northshire(demo) -> None:
    partnership = demo.partnership
    if scoped(partnership, AssessmentRound).exists():
        return
    coordinator = demo.people.get("coordinator")
    organisations = {o.name: o for o in scoped(partnership, Organisation)}
    today = clock.today()
    this_year = today.year
    rounds = [
        (True, f"Self-assessment {this_year - 1}", today - dt.timedelta(days=365)),
        (False, f"Self-assessment {this_year}", today - dt.timedelta(days=21)),
    ]
    for last_year, title, opens_on in rounds:
        made = services.round_create(
            actor=coordinator,
            partnership=partnership,
            title=title,
            opens_on=opens_on,
            closes_on=opens_on + dt.timedelta(days=42),
        )
        services.statement_add(actor=coordinator, round=made, text=OWN_STATEMENT)
        services.round_open(actor=coordinator, round=made)
        statements = list(made.statements.order_by("order", "id"))
        raters = RATERS if last_year else RATERS[:-1]  # this year's is still open: one has not rated yet
        for i, (name, person) in enumerate(raters):
            organisation = organisations.get(name)
            if organisation is None:
                continue
            actor = demo.people.get(person) if person else coordinator
            for n, statement in enumerate(statements):
                level = _level(last_year, i, n, statement.code)
                services.rating_record(
                    actor=actor or coordinator,
                    statement=statement,
                    organisation=organisation,
                    level=level,
                    evidence=EVIDENCE.get(statement.goal, "") if level >= 3 else "",
                    note="Working on it with the partnership's sub-group." if level == 1 else "",
                    at=clock.now() - dt.timedelta(days=(350 if last_year else 10)),
                )
        if last_year:  # the coordinator closed last year's round once it was rated
            services.round_close(actor=coordinator, round=made)
