"""Template context for every page: the user's partnerships (for the switcher) and the current one."""

from .access import memberships_of


def tenancy(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "my_memberships": memberships_of(user),
        "membership": getattr(request, "membership", None),
        "partnership": getattr(request, "partnership", None),
    }
