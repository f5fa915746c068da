"""Demo feedback: Northshire's survivor support charity runs a service-user form with a year of answers
(enough to show; its question on having a say in decisions feeds an indicator), the constabulary a
training follow-up at three months with too few answers (hidden below the threshold), and two "You
said, we did" entries linked to actions of the plan. Through the services; running it twice adds
nothing."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from actionplans import clock
from actionplans.models import Action
from indicators.models import Indicator
from partnerships.access import scoped
from partnerships.models import Organisation
from partnerships.selectors import disclosure_policy

from .models import FeedbackForm
from .services import feedback, feedback_indicators

INVOLVED_INDICATOR = "O7-04"  # Clients with a written support plan and timeline showing their input

CHANGES = [
    "More appointments outside working hours.",
    "An interpreter at every appointment, not only the first.",
    "Somewhere quiet to wait.",
    "Help with the benefits forms sooner.",
    "Tell me who my caseworker will be if mine is away.",
]
# The actions of Northshire's plan that carry the changes (indicators/demo_content.py).
LINKED = [
    "Introduce co-produced written support plans for every survivor",
    "Set up a survivor feedback panel that meets every quarter",
    "Agree a soft-debrief approach with trusted interpreters for first contacts",
]
HELPED = [
    "Having the same caseworker each time.",
    "Being listened to without being rushed.",
    "Help to open a bank account.",
    "Knowing what would happen next.",
]


def seed(world) -> None:
    if "northshire" in world.partnerships:
        with transaction.atomic():
            _seed_northshire(world.partnerships["northshire"])


def _seed_northshire(demo) -> None:
    partnership = demo.partnership
    if scoped(partnership, FeedbackForm).exists():
        return
    coordinator = demo.people.get("coordinator")
    organisations = {o.name: o for o in scoped(partnership, Organisation)}
    charity = organisations.get("Safe Harbour Survivor Support")
    police = organisations.get("Northshire Constabulary")
    if charity is None or police is None:
        return
    threshold = disclosure_policy(partnership).group_minimum
    today = clock.today()
    rng = random.Random(21)  # the same demo every time  # noqa: S311 - not for security

    support = feedback.form_create(
        actor=coordinator,
        partnership=partnership,
        title="How was your support?",
        audience="service_users",
        organisation=charity,
        questions=["su_listened", "su_involved", "su_safe", "su_language", "su_change", "su_good"],
    )
    for n in range(34):
        answers = {
            "su_listened": rng.choice([3, 4, 4, 5, 5, 5]),
            "su_involved": rng.choice([2, 3, 4, 4, 5]),
            "su_safe": rng.choice([4, 5, 5]),
            "su_language": rng.choice([1, 1, 2, 4]),
        }
        if n % 3 == 0:
            answers["su_change"] = CHANGES[n % len(CHANGES)]
        if n % 4 == 0:
            answers["su_good"] = HELPED[n % len(HELPED)]
        on = today - dt.timedelta(days=330 - n * 9)
        feedback.answers_record(actor=coordinator, form=support, answers=answers, threshold=threshold, on=on)

    # "I had a say in decisions about my support" feeds the charity's co-produced support plans indicator
    # (library objective 7), recorded when the form closes or on demand from its page.
    involved = scoped(partnership, Indicator).filter(code=INVOLVED_INDICATOR, reporting_organisations=charity).first()
    if involved is not None:
        feedback_indicators.link_create(actor=coordinator, form=support, question="su_involved", indicator=involved)

    training = feedback.form_create(
        actor=coordinator,
        partnership=partnership,
        title="Hotel staff training: three months on",
        audience="training_3",
        organisation=police,
        questions=["tr_used", "tr_confident", "tr_referred", "tr_example"],
    )
    for n in range(max(threshold - 2, 1)):
        feedback.answers_record(
            actor=coordinator,
            form=training,
            answers={"tr_used": 4, "tr_confident": 4 - n % 2, "tr_referred": 2},
            threshold=threshold,
            on=today - dt.timedelta(days=20 - n * 5),
        )

    plan = {a.title: a for a in scoped(partnership, Action).filter(title__in=LINKED)}
    feedback.you_said_record(
        actor=coordinator,
        partnership=partnership,
        form=support,
        you_said="Appointments are hard to get to when you are working; there should be some in the evening.",
        we_did="Safe Harbour now holds a drop-in on Thursday evenings, with a caseworker and an interpreter.",
        date=today - dt.timedelta(days=120),
        actions=[plan[t] for t in LINKED[:2] if t in plan],
    )
    feedback.you_said_record(
        actor=coordinator,
        partnership=partnership,
        form=support,
        you_said="An interpreter came to the first meeting only, so later meetings were hard to follow.",
        we_did="Interpreters are now booked for every appointment in the first three months of support.",
        date=today - dt.timedelta(days=45),
        actions=[plan[t] for t in LINKED[2:] if t in plan],
    )
