"""The view decorator that opens the one door: it resolves ``/p/<slug>/`` to the member's
membership, or answers 404 (non-member) / 403 (member without the right)."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required

from .access import Perm, get_membership_for


def partnership_view(need: Perm | None = None):
    """Wrap a view taking ``(request, ...)`` under ``/p/<slug>/``.

    Sets ``request.membership`` and ``request.partnership``. Views that fetch an object check
    their right *after* the object lookup (``access.get_object_for(..., need=...)``), so that an
    object of another partnership is a 404 for everyone; they leave ``need`` unset here.
    """

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapped(request, slug: str, *args, **kwargs):
            membership = get_membership_for(request.user, slug, need=need)
            request.membership = membership
            request.partnership = membership.partnership
            return view(request, *args, **kwargs)

        wrapped.partnership_need = need
        return wrapped

    return decorate
