"""Reads with rules for the partnership, its organisations, members and audit log.

Each takes the partnership the caller got from :mod:`partnerships.access` and keeps a constant
number of queries however many rows there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from aspm.disclosure.policy import DEFAULT_POLICY, Policy

from .access import scoped
from .models import AuditEvent, DisclosurePolicy, Invitation, Membership, Organisation, Partnership, Role


def organisations_with_spoc(partnership: Partnership) -> QuerySet[Organisation]:
    """Organisations with their SPOC membership (``spoc_memberships``) and member count."""
    spocs = Membership.objects.filter(role=Role.SPOC).select_related("user")
    return (
        scoped(partnership, Organisation)
        .prefetch_related(Prefetch("memberships", queryset=spocs, to_attr="spoc_memberships"))
        .order_by("-is_active", "name")
    )


def active_organisations(partnership: Partnership) -> QuerySet[Organisation]:
    return scoped(partnership, Organisation).filter(is_active=True).order_by("name")


def members(partnership: Partnership) -> QuerySet[Membership]:
    return scoped(partnership, Membership).select_related("user", "organisation").order_by("user__full_name")


def role_counts(partnership: Partnership) -> dict[str, int]:
    rows = scoped(partnership, Membership).values("role").annotate(n=Count("id"))
    counts = {role: 0 for role in Role.values}
    counts.update({row["role"]: row["n"] for row in rows})
    return counts


def disclosure_policy(partnership: Partnership) -> Policy:
    """The rules for small counts in what leaves the partnership (the default until one is chosen). One query."""
    row = scoped(partnership, DisclosurePolicy).first()
    return row.as_policy() if row else DEFAULT_POLICY


def pending_invitations(partnership: Partnership) -> QuerySet[Invitation]:
    return (
        scoped(partnership, Invitation)
        .filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("organisation", "invited_by")
    )


@dataclass(frozen=True)
class AuditFilter:
    actor: int | None = None
    object_type: str = ""
    action: str = ""
    text: str = ""
    since: date | None = None
    until: date | None = None


def audit_events(partnership: Partnership, filters: AuditFilter | None = None) -> QuerySet[AuditEvent]:
    """The partnership's audit log, newest first, narrowed by ``filters``."""
    f = filters or AuditFilter()
    qs = scoped(partnership, AuditEvent).select_related("actor")
    if f.actor:
        qs = qs.filter(actor_id=f.actor)
    if f.object_type:
        qs = qs.filter(object_type=f.object_type)
    if f.action:
        qs = qs.filter(action=f.action)
    if f.text:
        qs = qs.filter(Q(object_repr__icontains=f.text) | Q(actor_label__icontains=f.text))
    tz = timezone.get_current_timezone()
    if f.since:
        qs = qs.filter(at__gte=datetime.combine(f.since, time.min, tzinfo=tz))
    if f.until:
        qs = qs.filter(at__lte=datetime.combine(f.until, time.max, tzinfo=tz))
    return qs.order_by("-at", "-id")


def audit_filter_choices(partnership: Partnership) -> dict[str, list]:
    """Values offered in the audit log's filter (from the log itself: few, distinct)."""
    events = scoped(partnership, AuditEvent)
    return {
        "object_types": list(events.order_by("object_type").values_list("object_type", flat=True).distinct()),
        "actions": list(events.order_by("action").values_list("action", flat=True).distinct()),
        "actors": list(members(partnership).values_list("user_id", "user__full_name")),
    }
