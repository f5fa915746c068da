"""The view decorator that opens the one door: it resolves ``/p/<slug>/`` to the member's
membership, or answers 404 (non-member) / 403 (member without the right)."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required

from .access import Perm, get_membership_for


def partnership_view(*, need: Perm):
    """Wrap a view taking ``(request, ...)`` under ``/p/<slug>/``.

    Sets ``request.membership`` and ``request.partnership``. Every view says what it needs: there
    is no default, so a view cannot be opened to every member by forgetting it (``need`` is a
    required keyword, and anything but a ``Perm`` is refused when the module is imported).
    ``tests/test_view_permissions.py`` checks that every URL under ``/p/<slug>/`` is such a view.

    Views that fetch an object check their right *after* the object lookup
    (``access.get_object_for(..., need=...)``), so that an object of another partnership is a 404
    for everyone; they state ``need=Perm.VIEW`` here (the floor every role has).
    """
    if not isinstance(need, Perm):
        raise TypeError(f"partnership_view(need=...) takes a Perm, not {need!r}.")

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
