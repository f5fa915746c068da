"""Peer review of a self-assessment round: inviting another partnership's coordinators to read one round,
withdrawing the invitation, the reviewer's written feedback, and the record of each reviewer's reading.

Every event goes to the HOST partnership's audit log (the invitation is the host's row), so the host
can see who read its round and when. Each function validates first, writes nothing when it refuses,
and runs in one transaction with its audit event.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from actionplans import clock
from partnerships import audit
from partnerships.access import Perm, can
from partnerships.models import AuditEvent, Membership, Partnership, Role, User

from ..models import AssessmentRound, PeerReview, RoundStatus
from ..models_peer_review import FEEDBACK_LIMIT

VIEWED = "peer_review.viewed"


def _host_coordinator(actor, partnership: Partnership) -> None:
    if actor is None:  # the demo seeder
        return
    membership = Membership.objects.filter(user=actor, partnership=partnership).first()
    if not can(membership, Perm.MANAGE_RECOMMENDATIONS):
        raise ValidationError({"__all__": "Only the coordinators can invite or withdraw a peer reviewer."})


def _find(reviewer: Partnership | str) -> Partnership | None:
    if isinstance(reviewer, Partnership):
        return reviewer if reviewer.is_active else None
    wanted = (reviewer or "").strip()
    if not wanted:
        return None
    return Partnership.objects.filter(Q(slug__iexact=wanted) | Q(name__iexact=wanted), is_active=True).first()


def peer_review_invite(*, actor: User | None, round: AssessmentRound, reviewer: Partnership | str) -> PeerReview:
    """Invite another partnership (found by its name or its address on ASPM) to review ``round``."""
    _host_coordinator(actor, round.partnership)
    if round.status == RoundStatus.DRAFT:
        raise ValidationError("The round is still being prepared: open it before inviting a peer reviewer.")
    if isinstance(reviewer, str) and not reviewer.strip():
        raise ValidationError({"reviewer": "Give the name of the partnership to invite, or its address on ASPM."})
    found = _find(reviewer)
    if found is None:
        raise ValidationError({"reviewer": f"No partnership on ASPM is called “{str(reviewer).strip()[:100]}”."})
    if found.pk == round.partnership_id:
        raise ValidationError({"reviewer": "Invite another partnership: a partnership cannot review its own round."})
    with transaction.atomic():
        if PeerReview.objects.select_for_update().filter(round=round, reviewer=found, withdrawn_at=None).exists():
            raise ValidationError({"reviewer": f"{found.name} is already invited to review this round."})
        made = PeerReview(
            partnership_id=round.partnership_id,
            round=round,
            reviewer=found,
            invited_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit.create(actor=actor, obj=made, action="peer_review.invite")
    return made


def peer_review_withdraw(*, actor: User | None, invitation: PeerReview) -> PeerReview:
    """Withdraw an invitation: the reviewing partnership's coordinators can no longer read the round."""
    _host_coordinator(actor, invitation.partnership)
    if invitation.withdrawn_at is not None:
        raise ValidationError("The invitation is already withdrawn.")
    with transaction.atomic():
        audit.update(actor=actor, obj=invitation, values={"withdrawn_at": clock.now()}, action="peer_review.withdraw")
    return invitation


def is_reviewer(user: User | None, invitation: PeerReview) -> bool:
    """A coordinator of the invited partnership, while the invitation stands."""
    if user is None or not getattr(user, "is_authenticated", False) or invitation.withdrawn_at is not None:
        return False
    return Membership.objects.filter(
        user=user, partnership_id=invitation.reviewer_id, partnership__is_active=True, role=Role.COORDINATOR
    ).exists()


def peer_review_feedback(*, actor: User, invitation: PeerReview, feedback: str) -> PeerReview:
    """The reviewer's written feedback on the round, shown to the host's coordinators (replaces any before)."""
    if not is_reviewer(actor, invitation):
        raise ValidationError({"__all__": "Only a coordinator of the invited partnership can leave feedback."})
    feedback = (feedback or "").strip()
    if not feedback:
        raise ValidationError({"feedback": "Write your feedback."})
    if len(feedback) > FEEDBACK_LIMIT:
        raise ValidationError({"feedback": f"Keep the feedback to {FEEDBACK_LIMIT:,} characters."})
    values = {"feedback": feedback, "feedback_by": actor, "feedback_at": clock.now()}
    with transaction.atomic():
        audit.update(actor=actor, obj=invitation, values=values, action="peer_review.feedback")
    return invitation


def record_view(*, actor: User, invitation: PeerReview) -> bool:
    """Note in the host's audit log that ``actor`` read the round: once per reviewer per day."""
    already = AuditEvent.objects.filter(
        partnership_id=invitation.partnership_id,
        action=VIEWED,
        actor=actor,
        object_id=str(invitation.pk),
        at__date=clock.today(),
    ).exists()
    if already:
        return False
    with transaction.atomic():
        audit.record(
            actor=actor,
            partnership=invitation.partnership,
            action=VIEWED,
            obj=invitation,
            changes={"reviewer": [None, invitation.reviewer.name]},
        )
    return True
