"""Every change to feedback: the forms a partner organisation runs, the anonymous answers to them, and
the "You said, we did" log.

Keyword-only functions taking the acting user; each validates, runs in one transaction and writes its
audit event there. Answers are anonymous by design: the stored row keeps the date only, and the audit
event of an answer names the form and the day, never the answer row, the worker who typed it in or the
time, so the log cannot link an answer to a person or to a moment finer than the day. Free text is
screened for personal data (the case studies' screen and the published text's screen) and refused with
the reason; refused input writes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actionplans import clock
from aspm.disclosure import free_text
from aspm.fields import refuse_too_long
from indicators.measurement.services.evidence import identifiers_in
from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Organisation, Partnership, User

from .. import feedback_bank as bank
from ..models import Audience, FeedbackForm, FeedbackResponse, YouSaidWeDid
from ..models_feedback import FREE_TEXT_LIMIT
from .feedback_indicators import indicators_feed

# What the published-text screen flags that could point at one person in a short answer. Small counts
# are left out: "two staff were kind" identifies nobody in an answer that is never shown below the
# small-count threshold.
SCREENED = (free_text.AGE, free_text.NATIONALITY, free_text.PLACE, free_text.ADDRESS, free_text.DATE)


def _questions(audience: str, keys) -> list[str]:
    keys = list(dict.fromkeys(keys or []))
    if not keys:
        raise ValidationError({"questions": "Choose at least one question from the bank."})
    if len(keys) > bank.MAX_QUESTIONS:
        raise ValidationError({"questions": f"Keep the form short: at most {bank.MAX_QUESTIONS} questions."})
    unknown = [k for k in keys if k not in bank.BY_KEY]
    if unknown:
        raise ValidationError({"questions": f"“{unknown[0]}” is not a question of the bank."})
    wanted = bank.SERVICE_USERS if audience == Audience.SERVICE_USERS else bank.TRAINING
    wrong = [bank.BY_KEY[k] for k in keys if bank.BY_KEY[k].audience != wanted]
    if wrong:
        raise ValidationError({"questions": f"“{wrong[0].text}” is not a question for {Audience(audience).label}."})
    return keys


def form_create(
    *, actor: User | None, partnership: Partnership, title: str, audience: str, organisation: Organisation, questions
) -> FeedbackForm:
    """A short form one partner organisation runs, built from the question bank."""
    if audience not in Audience.values:
        raise ValidationError({"audience": "Choose who the form is for."})
    try:
        check_same_partnership(partnership, [organisation])
    except ValidationError as error:
        raise ValidationError({"organisation": error.messages}) from error
    refuse_too_long(FeedbackForm, {"title": title})
    keys = _questions(audience, questions)
    with transaction.atomic():
        form = FeedbackForm(
            partnership=partnership,
            title=(title or "").strip(),
            audience=audience,
            organisation=organisation,
            questions=keys,
        )
        audit.create(actor=actor, obj=form)
    return form


def form_set_open(*, actor: User, form: FeedbackForm, is_open: bool) -> FeedbackForm:
    """Close a form to new answers, or open it again (its answers stay)."""
    with transaction.atomic():
        audit.update(actor=actor, obj=form, values={"is_open": bool(is_open)})
    return form


def form_close(*, actor: User, form: FeedbackForm):
    """Close a form to new answers (audited as its close), then record its linked questions' shares as
    their indicators' figures (``feedback_indicators.indicators_feed``). Returns what was recorded."""
    if not form.is_open:
        raise ValidationError("The form is already closed.")
    with transaction.atomic():
        audit.update(actor=actor, obj=form, values={"is_open": False}, action="feedbackform.close")
    return indicators_feed(actor=actor, form=form)


def personal_data_in(text: str, *, threshold: int) -> list[str]:
    """Why ``text`` may identify someone, in plain words (empty: it may be kept)."""
    found = [f"{label}" for label in identifiers_in(text)]
    for flag in free_text.scan(text, threshold=threshold):
        found += [str(r) for r in flag.reasons if r.kind in SCREENED]
    return list(dict.fromkeys(found))


def _clean_answers(form: FeedbackForm, answers: dict, threshold: int) -> dict:
    errors: dict[str, str] = {}
    clean: dict[str, int | str] = {}
    unknown = set(answers) - set(form.questions)
    if unknown:
        raise ValidationError(f"These are not questions of this form: {', '.join(sorted(unknown))}.")
    for key in form.questions:
        q = bank.BY_KEY[key]
        value = answers.get(key)
        if value in (None, ""):
            continue  # every question may be skipped
        if q.kind == bank.TEXT:
            text = str(value).strip()
            if len(text) > FREE_TEXT_LIMIT:
                errors[key] = f"Keep this answer to {FREE_TEXT_LIMIT} characters: it has {len(text)}."
                continue
            found = personal_data_in(text, threshold=threshold)
            if found:
                errors[key] = (
                    "This answer may identify someone, so it was not kept. Take out anything that does "
                    f"and try again ({'; '.join(found)})."
                )
                continue
            clean[key] = text
        else:
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = None
            if number not in dict(q.options):
                errors[key] = "Choose one of the answers given."
                continue
            clean[key] = number
    if errors:
        raise ValidationError(errors)
    if not clean:
        raise ValidationError("Answer at least one question: an empty form is not kept.")
    return clean


def answers_record(
    *, actor: User | None, form: FeedbackForm, answers: dict, threshold: int, on: dt.date | None = None
) -> FeedbackResponse:
    """Keep one person's answers to ``form``, anonymously: with the day they were given (``on``, for a
    printed form typed in later; today by default), and nothing else about who or when. ``threshold``
    is the partnership's first count shown (for the free-text screen)."""
    if not form.is_open:
        raise ValidationError("This form is closed: it takes no more answers.")
    day = on or clock.today()
    if day > clock.today():
        raise ValidationError({"answered_on": "The answers cannot be dated in the future."})
    clean = _clean_answers(form, answers or {}, threshold)
    with transaction.atomic():
        response = FeedbackResponse(partnership_id=form.partnership_id, form=form, answered_on=day, answers=clean)
        response.full_clean(exclude=["partnership"])
        response.save()
        # The event names the form only (not the answer row, not the answers), not who typed them in
        # (their caseload could point to the person), and the day they were entered, not the time: on a
        # day with one answer, a timed or signed event would tie that answer to a moment and a worker.
        entered = clock.today()
        audit.record(
            actor=None,
            partnership=form.partnership,
            action="feedbackform.answers",
            obj=form,
            changes={"entered_on": [None, entered.isoformat()]},
            at=timezone.make_aware(dt.datetime.combine(entered, dt.time.min)),
        )
    return response


def you_said_record(
    *,
    actor: User | None,
    partnership: Partnership,
    you_said: str,
    we_did: str,
    date: dt.date,
    form: FeedbackForm | None = None,
    actions=(),
) -> YouSaidWeDid:
    """Log a feedback theme and what changed, linked to actions of the plan."""
    actions = list(actions or [])
    try:
        check_same_partnership(partnership, [form, *actions])
    except ValidationError as error:
        raise ValidationError({"actions": error.messages}) from error
    if not (you_said or "").strip():
        raise ValidationError({"you_said": "Say what people told you."})
    if not (we_did or "").strip():
        raise ValidationError({"we_did": "Say what changed because of it."})
    if date and date > clock.today():
        raise ValidationError({"date": "Log a change once it has happened: the date cannot be in the future."})
    refuse_too_long(YouSaidWeDid, {"you_said": you_said, "we_did": we_did})
    with transaction.atomic():
        entry = YouSaidWeDid(
            partnership=partnership, form=form, you_said=you_said.strip(), we_did=we_did.strip(), date=date
        )
        audit.create(actor=actor, obj=entry)
        entry.actions.set(actions)
        audit.record(
            actor=actor,
            partnership=partnership,
            action="yousaidwedid.actions",
            obj=entry,
            changes={"actions": [None, sorted(a.pk for a in actions)]},
        )
    return entry


def you_said_delete(*, actor: User, entry: YouSaidWeDid) -> None:
    with transaction.atomic():
        audit.delete(actor=actor, obj=entry)
