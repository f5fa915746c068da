"""Noting when a member opens their partnership's home (read by partnerships/last_visit.py).

A bookkeeping timestamp, not a change to the partnership: one update, not audited."""

from __future__ import annotations

from django.utils import timezone

from ..models import Membership


def home_visit_record(*, membership: Membership) -> None:
    Membership.objects.filter(pk=membership.pk).update(home_seen_at=timezone.now())
