"""Every change to the trust and communication survey.

Anonymity: :func:`survey_answer` writes the member's "has answered" row and their answers in one
transaction, but nothing joins the two: answers carry no person, no timestamp and a random key, and
are inserted in a shuffled order. The audit log says *that* a member answered a round, never what.
"""

from __future__ import annotations

import datetime as dt
import random

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import audit
from ..health.statements import BY_CODE
from ..models import Membership, Partnership, SurveyAnswer, SurveyParticipation, SurveyRound, User

MAX_COMMENT = 2000


def survey_round_open(*, actor: User | None, partnership: Partnership, title: str, opened_on: dt.date | None = None):
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Give the round a name, e.g. “Trust and communication survey 2026”."})
    with transaction.atomic():
        Partnership.objects.select_for_update().get(pk=partnership.pk)
        if SurveyRound.objects.filter(partnership=partnership, closed_on__isnull=True).exists():
            raise ValidationError("A survey round is already open. Close it before opening another.")
        return audit.create(
            actor=actor,
            obj=SurveyRound(partnership=partnership, title=title, opened_on=opened_on or timezone.localdate()),
            action="surveyround.open",
        )


def survey_round_close(*, actor: User | None, round: SurveyRound, closed_on: dt.date | None = None) -> SurveyRound:
    with transaction.atomic():
        round = SurveyRound.objects.select_for_update().get(pk=round.pk)
        if round.closed_on is not None:
            raise ValidationError("This survey round is already closed.")
        closed_on = closed_on or timezone.localdate()
        if closed_on < round.opened_on:
            raise ValidationError("A round cannot close before it opened.")
        return audit.update(actor=actor, obj=round, values={"closed_on": closed_on}, action="surveyround.close")


def survey_answer(
    *, membership: Membership, round: SurveyRound, scores: dict[str, int | None], comments: dict[str, str]
) -> None:
    """Record one member's answers to an open round, anonymously; a second answer is refused."""
    if round.partnership_id != membership.partnership_id:
        raise ValidationError("This survey belongs to another partnership.")
    unknown = (set(scores) | set(comments)) - set(BY_CODE)
    if unknown:
        raise ValidationError("Some answers are for statements this survey does not have.")
    errors = {}
    for code, score in scores.items():
        if score is not None and score not in (1, 2, 3, 4, 5):
            errors[code] = "Choose a score from 1 (strongly disagree) to 5 (strongly agree)."
    for code, comment in comments.items():
        if len(comment or "") > MAX_COMMENT:
            errors[f"{code}_comment"] = f"Keep the comment under {MAX_COMMENT} characters."
        if (comment or "").strip() and scores.get(code) is None:
            errors[code] = "Choose a score for this statement to add a comment to it."
    if errors:
        raise ValidationError(errors)
    answered = [code for code, score in scores.items() if score is not None]
    if not answered:
        raise ValidationError("Answer at least one statement before sending.")
    rows = [
        SurveyAnswer(
            partnership_id=round.partnership_id,
            round=round,
            statement=code,
            score=scores[code],
            comment=(comments.get(code) or "").strip(),
        )
        for code in answered
    ]
    random.shuffle(rows)
    try:
        with transaction.atomic():
            locked = SurveyRound.objects.select_for_update().get(pk=round.pk)
            if locked.closed_on is not None:
                raise ValidationError("This survey round has closed; answers are no longer taken.")
            SurveyParticipation.objects.create(
                partnership_id=round.partnership_id, round=locked, user_id=membership.user_id
            )
            for row in rows:
                row.full_clean()
            SurveyAnswer.objects.bulk_create(rows)
            audit.record(
                actor=membership.user,
                partnership=membership.partnership,
                action="surveyround.answer",
                obj=locked,
                changes={},
            )
    except IntegrityError as exc:
        raise ValidationError("You have already answered this round: each member answers once.") from exc
