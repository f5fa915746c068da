"""Every change to the self-assessment rounds: a round made from the template, the partnership's own
statements, opening it, each organisation's ratings, and actions raised from a gap.

Keyword-only functions taking the acting user; each validates, runs in one transaction and writes its
audit event there. A rating is refused, with nothing written, when it is off the 1–4 scale, when the
round is not open (not yet, or closed by the coordinator), or when the person rating may not rate for that organisation.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from actionplans import clock
from actionplans import services as actions
from aspm.fields import refuse_too_long
from partnerships import audit
from partnerships.access import Perm, can, check_same_partnership
from partnerships.models import Membership, Organisation, Partnership, User

from .. import self_assessment_template as template
from ..models import AssessmentRating, AssessmentRound, AssessmentStatement, RoundStatus


def _dates(opens_on: dt.date | None, closes_on: dt.date | None) -> None:
    if opens_on is None or closes_on is None:
        raise ValidationError({"opens_on": "Give the date the round opens and the date ratings are due by."})
    if closes_on < opens_on:
        raise ValidationError({"closes_on": "Ratings cannot be due before the round opens."})


def round_create(
    *, actor: User | None, partnership: Partnership, title: str, opens_on: dt.date, closes_on: dt.date
) -> AssessmentRound:
    """A new round, not yet open, with every statement of the template copied into it."""
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Give the round a title, e.g. “Self-assessment 2026”."})
    _dates(opens_on, closes_on)
    refuse_too_long(AssessmentRound, {"title": title})
    with transaction.atomic():
        made = AssessmentRound(partnership=partnership, title=title, opens_on=opens_on, closes_on=closes_on)
        audit.create(actor=actor, obj=made)
        AssessmentStatement.objects.bulk_create(
            AssessmentStatement(partnership=partnership, round=made, goal=goal, code=code, text=text, order=n)
            for n, (goal, code, text) in enumerate(template.statements(), start=1)
        )
    return made


def statement_add(*, actor: User, round: AssessmentRound, text: str) -> AssessmentStatement:
    """Add one of the partnership's own statements, before the round opens."""
    text = (text or "").strip()
    if round.status != RoundStatus.DRAFT:
        raise ValidationError("The round is open: its statements can no longer change.")
    if not text:
        raise ValidationError({"text": "Write the statement."})
    if len(text) > 300:
        raise ValidationError({"text": "Keep the statement to 300 characters."})
    if round.statements.filter(text__iexact=text).exists():
        raise ValidationError({"text": "The round already has that statement."})
    with transaction.atomic():
        last = round.statements.order_by("-order").values_list("order", flat=True).first() or 0
        statement = AssessmentStatement(
            partnership_id=round.partnership_id, round=round, goal=template.OWN_GOAL[0], text=text, order=last + 1
        )
        audit.create(actor=actor, obj=statement)
    return statement


def round_open(*, actor: User, round: AssessmentRound) -> AssessmentRound:
    if round.status != RoundStatus.DRAFT:
        raise ValidationError("The round is already open.")
    with transaction.atomic():
        audit.update(actor=actor, obj=round, values={"status": RoundStatus.OPEN}, action="assessmentround.open")
    return round


def round_close(*, actor: User, round: AssessmentRound) -> AssessmentRound:
    """Close an open round: it takes no more ratings, and its results stay as they are (the next round
    is compared with them)."""
    if round.status != RoundStatus.OPEN:
        raise ValidationError(
            "The round is already closed." if round.status == RoundStatus.CLOSED else "Only an open round can close."
        )
    with transaction.atomic():
        audit.update(actor=actor, obj=round, values={"status": RoundStatus.CLOSED}, action="assessmentround.close")
    return round


def _may_rate(actor, partnership: Partnership, organisation: Organisation) -> None:
    if actor is None:  # the demo seeder
        return
    membership = Membership.objects.filter(user=actor, partnership=partnership).select_related("organisation").first()
    if not can(membership, Perm.RATE_OWN_SELF_ASSESSMENT, organisation=organisation):
        raise ValidationError(
            {"__all__": f"Only {organisation}'s SPOC or the coordinator can rate for {organisation}."}
        )


def rating_record(
    *,
    actor: User | None,
    statement: AssessmentStatement,
    organisation: Organisation,
    level,
    evidence: str = "",
    note: str = "",
    at: dt.datetime | None = None,
) -> AssessmentRating:
    """Record (or change) an organisation's rating of a statement while its round is open."""
    round = statement.round
    try:
        level = int(level)
    except (TypeError, ValueError):
        level = None
    if level not in template.LEVELS:
        raise ValidationError({"level": f"Choose a level from {template.LOWEST} to {template.HIGHEST}."})
    try:
        check_same_partnership(round.partnership, [organisation])
    except ValidationError as error:
        raise ValidationError({"__all__": error.messages}) from error
    _may_rate(actor, round.partnership, organisation)
    if round.status == RoundStatus.CLOSED:
        raise ValidationError({"__all__": "The round is closed: it takes no more ratings."})
    if round.status != RoundStatus.OPEN:
        raise ValidationError({"__all__": "The round is not open for ratings yet."})
    evidence, note = (evidence or "").strip(), (note or "").strip()
    refuse_too_long(AssessmentRating, {"evidence": evidence, "note": note})
    values = {
        "level": level,
        "evidence": evidence,
        "note": note,
        "rated_by": actor if getattr(actor, "is_authenticated", False) else None,
        "rated_at": at or clock.now(),
    }
    with transaction.atomic():
        rating = (
            AssessmentRating.objects.select_for_update().filter(statement=statement, organisation=organisation).first()
        )
        if rating is None:
            rating = AssessmentRating(
                partnership_id=round.partnership_id, statement=statement, organisation=organisation, **values
            )
            audit.create(actor=actor, obj=rating)
        else:
            audit.update(actor=actor, obj=rating, values=values)
    return rating


def raise_action(
    *,
    actor: User,
    statement: AssessmentStatement,
    title: str,
    owner_organisation: Organisation,
    due_date: dt.date,
) -> object:
    """An action in the plan to close a gap the round found, linked to the statement."""
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Say what will be done."})
    with transaction.atomic():
        action = actions.action_create(
            actor=actor,
            partnership=statement.round.partnership,
            title=title[:300],
            owner_organisation=owner_organisation,
            due_date=due_date,
            note=f"Raised from the self-assessment “{statement.round}”: {statement}"[:2000],
        )
        statement.actions.add(action)
        audit.record(
            actor=actor,
            partnership=statement.round.partnership,
            action="assessmentstatement.action",
            obj=statement,
            changes={"actions": [None, [action.pk]]},
        )
    return action
