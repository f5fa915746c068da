"""How a person is written in an output: ``{{ membership|public_name:names_people }}``.

Inside the partnership (``names_people`` true) a member is named. In what leaves the partnership a
member is named only when the partnership marked them "named in published reports"
(``Membership.named_in_publications``, set by the coordinator on the member's page); otherwise the
output says "A member from <organisation>" or gives their role.
"""

from __future__ import annotations

from django import template

register = template.Library()


def public_name_of(membership, names_people: bool = False) -> str:
    if membership is None:
        return "–"
    organisation = getattr(membership, "organisation", None)
    if names_people or getattr(membership, "named_in_publications", False):
        name = membership.user.full_name
        return f"{name} ({organisation})" if organisation else name
    if organisation:
        return f"A member from {organisation}"
    role = membership.get_role_display() if hasattr(membership, "get_role_display") else ""
    return f"A {role.lower()} of the partnership" if role else "A member of the partnership"


@register.filter
def public_name(membership, names_people=False) -> str:
    """The person's name where it may be shown, else their organisation or role."""
    return public_name_of(membership, bool(names_people))
