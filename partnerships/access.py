"""The one door for tenancy: who belongs to which partnership, and what each role may do.

Views, the API and exports get partnerships and objects only through this module:

* :func:`get_membership_for` — the caller's membership of the partnership named by a slug,
  or 404 for a non-member (the same answer as for a partnership that does not exist);
* :func:`get_object_for` — an object of *that* partnership, or 404; then 403 if the member's
  role lacks the right;
* :func:`scoped` — a queryset of one partnership's rows, for lists.

The role -> permission table below is the single statement of who may do what.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from .models import Membership, Partnership, Role

if TYPE_CHECKING:
    from .models import Organisation, User

M = TypeVar("M", bound=models.Model)


class Perm(StrEnum):
    VIEW = "view"  # read the plan, indicators, action plan, dashboards
    MANAGE_PARTNERSHIP = "manage_partnership"  # details, organisations
    MANAGE_MEMBERS = "manage_members"  # invite, change roles, remove
    VIEW_AUDIT = "view_audit"
    EDIT_PLAN = "edit_plan"  # strategy, objectives, indicators, targets, risks
    MANAGE_PERIODS = "manage_periods"  # open, lock and correct reporting periods
    UPDATE_ANY_ACTION = "update_any_action"
    UPDATE_OWN_ACTIONS = "update_own_actions"  # actions owned by the member's organisation
    ENTER_ANY_FIGURES = "enter_any_figures"
    SUBMIT_OWN_RETURN = "submit_own_return"  # the member's organisation's quarterly return
    VIEW_ALL_RETURNS = "view_all_returns"
    REVIEW_RETURNS = "review_returns"  # approve, return, reopen
    START_REPORT = "start_report"
    DOWNLOAD_REPORT = "download_report"
    MANAGE_RECOMMENDATIONS = "manage_recommendations"  # the recommendations register and responses
    UPDATE_OWN_RECOMMENDATIONS = "update_own_recommendations"  # progress notes on the organisation's own
    RATE_OWN_SELF_ASSESSMENT = "rate_own_self_assessment"  # the organisation's ratings in a self-assessment round


_READ = {Perm.VIEW, Perm.DOWNLOAD_REPORT}

ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    Role.COORDINATOR: frozenset(Perm),
    Role.SPOC: frozenset(
        _READ
        | {Perm.UPDATE_OWN_ACTIONS, Perm.SUBMIT_OWN_RETURN, Perm.UPDATE_OWN_RECOMMENDATIONS}
        | {Perm.RATE_OWN_SELF_ASSESSMENT}
    ),
    Role.BOARD: frozenset(_READ | {Perm.VIEW_ALL_RETURNS}),
    Role.VIEWER: frozenset(_READ | {Perm.VIEW_ALL_RETURNS}),
}

# Permissions that apply only to objects of the member's own organisation.
OWN_ORGANISATION_PERMS = frozenset(
    {
        Perm.UPDATE_OWN_ACTIONS,
        Perm.SUBMIT_OWN_RETURN,
        Perm.UPDATE_OWN_RECOMMENDATIONS,
        Perm.RATE_OWN_SELF_ASSESSMENT,
    }
)
# Where a role has the "any" right, it covers the "own" one too.
_BROADER = {
    Perm.UPDATE_OWN_ACTIONS: Perm.UPDATE_ANY_ACTION,
    Perm.SUBMIT_OWN_RETURN: Perm.REVIEW_RETURNS,
    Perm.UPDATE_OWN_RECOMMENDATIONS: Perm.MANAGE_RECOMMENDATIONS,
    Perm.RATE_OWN_SELF_ASSESSMENT: Perm.MANAGE_RECOMMENDATIONS,
}


def role_can(role: str, perm: Perm) -> bool:
    return perm in ROLE_PERMISSIONS.get(role, frozenset())


def can(membership: Membership | None, perm: Perm, *, organisation: Organisation | None = None) -> bool:
    """May this member do ``perm``? For "own organisation" rights, pass the object's organisation."""
    if membership is None:
        return False
    broader = _BROADER.get(perm)
    if broader is not None and role_can(membership.role, broader):
        return True
    if not role_can(membership.role, perm):
        return False
    if perm in OWN_ORGANISATION_PERMS:
        return organisation is not None and organisation.pk == membership.organisation_id
    return True


def require(membership: Membership, perm: Perm, *, organisation: Organisation | None = None) -> None:
    if not can(membership, perm, organisation=organisation):
        raise PermissionDenied("Your role in this partnership does not allow this.")


def memberships_of(user: User):
    """The user's memberships of active partnerships, with the partnership loaded."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user, partnership__is_active=True)
        .select_related("partnership", "organisation")
        .order_by("partnership__name")
    )


def get_membership_for(user: User, slug: str, *, need: Perm | None = None) -> Membership:
    """The user's membership of the partnership ``slug``; 404 if none, 403 if ``need`` is missing."""
    membership = memberships_of(user).filter(partnership__slug=slug).first()
    if membership is None:
        raise Http404("No such partnership.")
    if need is not None:
        require(membership, need)
    return membership


def scoped(partnership: Partnership, model_or_queryset: type[M] | models.QuerySet) -> models.QuerySet:
    """The rows of one partnership: the only way views build querysets of tenant models."""
    if isinstance(model_or_queryset, models.QuerySet):
        queryset = model_or_queryset
    else:
        queryset = model_or_queryset._default_manager.all()
    field = getattr(queryset.model, "TENANT_PATH", "partnership")
    return queryset.filter(**{field: partnership})


def get_object_for(
    membership: Membership,
    model_or_queryset: type[M] | models.QuerySet,
    *,
    need: Perm | None = None,
    organisation_of=None,
    **lookup,
) -> M:
    """One object of the member's partnership, or 404 — whatever partnership it really is in.

    Then, if ``need`` is given, 403 unless the member's role has that right. For rights limited to
    the member's own organisation, ``organisation_of(obj)`` says which organisation the object is of.
    """
    obj = scoped(membership.partnership, model_or_queryset).filter(**lookup).first()
    if obj is None:
        raise Http404("Not found.")
    if need is not None:
        organisation = organisation_of(obj) if organisation_of is not None else None
        require(membership, need, organisation=organisation)
    return obj


def check_same_partnership(partnership: Partnership, objects: Iterable[models.Model | None]) -> None:
    """Services call this before linking objects: every one must belong to ``partnership``."""
    from django.core.exceptions import ValidationError

    for obj in objects:
        if obj is None:
            continue
        owner_id = getattr(obj, "partnership_id", None)
        if owner_id != partnership.pk:
            raise ValidationError(f"{obj._meta.verbose_name.capitalize()} “{obj}” is not part of this partnership.")
