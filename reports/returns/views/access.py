"""Finding a return for a member: the one door every return page goes through."""

from __future__ import annotations

from django.http import HttpRequest

from partnerships.access import Perm, can, get_object_for

from .. import selectors


def get_return(request: HttpRequest, pk: int, need: Perm | None = None):
    """The return, if this member may see it (404 otherwise, also for another organisation's
    return seen by a SPOC); then 403 unless the member has ``need`` for it."""
    return get_object_for(
        request.membership,
        selectors.returns_visible_to(request.membership),
        pk=pk,
        need=need,
        organisation_of=lambda r: r.organisation,
    )


def on_behalf(request: HttpRequest, return_) -> bool:
    """Is this member looking at another organisation's return as its reviewer (the coordinator)?

    The return's pages then speak of "the organisation's return", not "your return"."""
    return return_.organisation_id != request.membership.organisation_id and can(
        request.membership, Perm.REVIEW_RETURNS
    )
