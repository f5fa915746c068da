"""Reads of peer reviews. The reviewer's door is here, apart from the tenancy door: a peer review is the
one place where a coordinator of one partnership reads something of another, so it does not go through
``partnership_view`` (which it must not loosen). It is closed by default: a user sees an invitation
only while it stands, only when they are a coordinator of the invited partnership, and only for a round
that is open or closed; anything else is a 404, the same answer as for an invitation that does not exist.
"""

from __future__ import annotations

from django.http import Http404

from partnerships.access import scoped
from partnerships.models import Membership, Role, User

from .models import PeerReview, RoundStatus


def _reviewing_partnerships(user: User):
    """The active partnerships the user coordinates (the only ones that can review), as a subquery."""
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none().values("partnership_id")
    return Membership.objects.filter(user=user, role=Role.COORDINATOR, partnership__is_active=True).values(
        "partnership_id"
    )


def invitations_for(user: User):
    """The standing invitations the user may act on as a reviewer, newest first."""
    return (
        PeerReview.objects.filter(
            reviewer_id__in=_reviewing_partnerships(user),
            withdrawn_at__isnull=True,
            partnership__is_active=True,
            round__status__in=[RoundStatus.OPEN, RoundStatus.CLOSED],
        )
        .select_related("round", "partnership", "reviewer", "feedback_by")
        .order_by("-created_at", "-id")
    )


def invitation_for(user: User, pk: int) -> PeerReview:
    """One invitation the user may review, or 404."""
    found = invitations_for(user).filter(pk=pk).first()
    if found is None:
        raise Http404("Not found.")
    return found


def of_round(round) -> list[PeerReview]:
    """The host's view: every invitation of the round, standing ones first."""
    return list(
        scoped(round.partnership, PeerReview)
        .filter(round=round)
        .select_related("reviewer", "invited_by", "feedback_by")
        .order_by("withdrawn_at", "-created_at", "-id")
    )
