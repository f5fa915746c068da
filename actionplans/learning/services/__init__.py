"""Every change to the recommendations register.

Keyword-only functions taking the acting user; each validates, runs in one transaction and writes
its audit event there (partnerships.audit). Views, the demo seeder and the action plan's hook come
through here.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from actionplans import clock
from actionplans import services as actions
from actionplans.models import Action, RagStatus
from aspm.fields import refuse_too_long
from aspm.uploads import validate_upload
from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Partnership, User

from ..models import Recommendation, RecommendationChange, RecStatus, Response
from ..status import status_for

EDITABLE = (
    "reference",
    "source_kind",
    "source_title",
    "source_date",
    "source_document",
    "source_link",
    "text",
    "response_due",
    "owner_organisation",
    "owner_person",
    "due_date",
)


def _check(partnership: Partnership, values: dict) -> None:
    refuse_too_long(Recommendation, {k: v for k, v in values.items() if isinstance(v, str)})
    try:
        check_same_partnership(partnership, [values.get("owner_organisation"), values.get("owner_person")])
    except ValidationError as error:
        raise ValidationError({"__all__": error.messages}) from error
    if values.get("owner_organisation") is None:
        raise ValidationError({"owner_organisation": "Choose the organisation that owns the recommendation."})
    person, organisation = values.get("owner_person"), values.get("owner_organisation")
    if person is not None and person.organisation_id and person.organisation_id != organisation.pk:
        raise ValidationError({"owner_person": f"{person.user} works for {person.organisation}, not {organisation}."})
    document = values.get("source_document")
    if isinstance(document, UploadedFile):  # a new upload (a stored file was checked when it came)
        try:
            validate_upload(document)
        except ValidationError as error:
            raise ValidationError({"source_document": error.messages}) from error


def _when(at: dt.datetime | None) -> dt.datetime:
    now = clock.now()
    if at is not None and at > now:
        raise ValidationError({"changed_at": "A change cannot be dated in the future."})
    return at or now


def _write_change(*, actor, recommendation: Recommendation, status: str, note: str, at=None) -> RecommendationChange:
    change = RecommendationChange(
        partnership_id=recommendation.partnership_id,
        recommendation=recommendation,
        status=status,
        note=(note or "").strip(),
        changed_by=actor if getattr(actor, "is_authenticated", False) else None,
        changed_at=_when(at),
    )
    change.full_clean(exclude=["partnership"])
    change.save()
    return change


def recommendation_create(
    *, actor: User | None, partnership: Partnership, at: dt.datetime | None = None, **values
) -> Recommendation:
    """Add a recommendation to the register: it awaits the partnership's response."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"Unknown details for a recommendation: {', '.join(sorted(unknown))}.")
    _check(partnership, values)
    with transaction.atomic():
        rec = Recommendation(partnership=partnership, status=RecStatus.AWAITING, status_changed_at=_when(at), **values)
        audit.create(actor=actor, obj=rec)
        _write_change(actor=actor, recommendation=rec, status=RecStatus.AWAITING, note="Added to the register.", at=at)
    return rec


def recommendation_update(*, actor: User, recommendation: Recommendation, **values) -> Recommendation:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"These details cannot be changed here: {', '.join(sorted(unknown))}.")
    merged = {k: getattr(recommendation, k) for k in EDITABLE} | values
    _check(recommendation.partnership, merged)
    if not values.get("source_document", True):  # an empty upload keeps the file already there
        values.pop("source_document")
    with transaction.atomic():
        audit.update(actor=actor, obj=recommendation, values=values)
    return recommendation


def recommendation_delete(*, actor: User, recommendation: Recommendation) -> None:
    """Delete it; the actions raised from it stay in the plan (only the link goes)."""
    audit.delete(actor=actor, obj=recommendation)


def _set_status(*, actor, recommendation: Recommendation, note: str = "", force_line: bool = False, at=None) -> str:
    """Recompute the status by the rule; write a history line when it changes (or when asked)."""
    when = _when(at)
    day = timezone.localdate(at) if at else clock.today()
    status = status_for(recommendation.response, recommendation.actions.all(), day)
    if status != recommendation.status or force_line:
        _write_change(actor=actor, recommendation=recommendation, status=status, note=note, at=when)
        Recommendation.objects.filter(pk=recommendation.pk).update(
            status=status, status_changed_at=when, updated_at=timezone.now()
        )
        if status != recommendation.status:
            audit.record(
                actor=actor,
                partnership=recommendation.partnership,
                action="recommendation.status",
                obj=recommendation,
                changes={"status": [recommendation.status, status]},
            )
        recommendation.status, recommendation.status_changed_at = status, when
    return status


def recommendation_respond(
    *, actor: User, recommendation: Recommendation, response: str, reasons: str = "", at: dt.datetime | None = None
) -> Recommendation:
    """Record the partnership's management response: accepted, partly accepted or not accepted, with reasons."""
    if response not in (Response.ACCEPT, Response.PARTLY, Response.REJECT):
        raise ValidationError({"response": "Choose accepted, partly accepted or not accepted."})
    reasons = (reasons or "").strip()
    if response != Response.ACCEPT and not reasons:
        raise ValidationError(
            {"reasons": "Give the reasons: they are needed when a recommendation is not fully accepted."}
        )
    refuse_too_long(Recommendation, {"response_reasons": reasons})
    if response == Response.REJECT and recommendation.actions.exists():
        raise ValidationError(
            {"response": "Actions have been raised from this recommendation: it cannot be marked not accepted."}
        )
    with transaction.atomic():
        values = {"response": response, "response_reasons": reasons, "responded_at": timezone.localdate(_when(at))}
        audit.update(actor=actor, obj=recommendation, values=values, action="recommendation.respond")
        label = Response(response).label
        note = f"Response: {label}. {reasons}".strip()
        _set_status(actor=actor, recommendation=recommendation, note=note, force_line=True, at=at)
    return recommendation


def recommendation_note(*, actor: User, recommendation: Recommendation, note: str) -> RecommendationChange:
    """A dated progress note from the owner (the status stays as the rule gives it)."""
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "Write the progress note."})
    refuse_too_long(RecommendationChange, {"note": note})
    with transaction.atomic():
        change = _write_change(actor=actor, recommendation=recommendation, status=recommendation.status, note=note)
        audit.record(
            actor=actor,
            partnership=recommendation.partnership,
            action="recommendation.note",
            obj=recommendation,
            changes={"note": [None, note]},
        )
    return change


def recommendation_make_actions(
    *, actor: User, recommendation: Recommendation, titles: list[str] | None = None, at: dt.datetime | None = None
):
    """Turn an accepted (or partly accepted) recommendation into actions of the plan, linked both ways.

    One action per title (by default one, worded from the recommendation), owned by the
    recommendation's owner, due when it is. Done once: a second time is refused, nothing written.
    """
    titles = [t.strip() for t in (titles or []) if t.strip()] or [f"Act on recommendation: {recommendation}"[:300]]
    with transaction.atomic():
        locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        if locked.response not in (Response.ACCEPT, Response.PARTLY):
            raise ValidationError("Only an accepted or partly accepted recommendation can be turned into actions.")
        if locked.actions.exists():
            raise ValidationError("This recommendation has already been turned into actions: see them below.")
        if locked.due_date is None:
            raise ValidationError({"due_date": "Give the date it is to be done by first: the actions need a due date."})
        made = []
        for title in titles:
            made.append(
                actions.action_create(
                    actor=actor,
                    partnership=locked.partnership,
                    title=title[:300],
                    owner_organisation=locked.owner_organisation,
                    owner_person=locked.owner_person,
                    due_date=locked.due_date,
                    note=f"Raised from recommendation {locked}.",
                    at=at,
                )
            )
        locked.actions.add(*made)
        audit.record(
            actor=actor,
            partnership=locked.partnership,
            action="recommendation.actions",
            obj=locked,
            changes={"actions": [None, [a.pk for a in made]]},
        )
        raised = f"{len(made)} action{'s' if len(made) != 1 else ''} raised in the action plan."
        _set_status(actor=actor, recommendation=locked, note=raised, at=at)
    recommendation.status = locked.status
    return made


def action_status_changed(*, action: Action, actor=None, deleting: bool = False, at=None) -> None:
    """The action plan's hook, in its transaction: an action's status changed, it became overdue, or
    it is being deleted. The recommendations it was raised from follow (actionplans.learning.status)."""
    recs = list(Recommendation.objects.filter(partnership_id=action.partnership_id, actions=action))
    if not recs:
        return
    if deleting:
        note = f"Action “{action}” was deleted from the plan."
    else:  # the row as the action service has just written it (its object may hold the status before)
        status = Action.objects.filter(pk=action.pk).values_list("status", flat=True).first()
        note = f"Action “{action}” is now {RagStatus(status).label}."
        day = timezone.localdate(at) if at else clock.today()
        if status != RagStatus.COMPLETE and action.due_date < day:
            note += " It is overdue."
    for rec in recs:
        if deleting:
            rec.actions.remove(action)
        _set_status(actor=actor, recommendation=rec, note=note, at=at)
