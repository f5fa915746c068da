"""When a member last opened their partnership's home, for "What changed since your last visit".

The first home page of a session reads the stored moment, keeps it in the session (so the same
changes stay listed while the person goes back and forth) and stores now. One update a session:
a bookkeeping timestamp, not a change to the partnership, so it is not audited.
"""

from __future__ import annotations

from datetime import datetime

from .models import Membership
from .services.home_visits import home_visit_record


def _key(membership: Membership) -> str:
    return f"home_since_{membership.pk}"


def since_last_visit(request) -> datetime | None:
    """The moment of this member's visit before this session; None on their first visit."""
    membership = request.membership
    key = _key(membership)
    if key not in request.session:
        previous = membership.home_seen_at
        request.session[key] = previous.isoformat() if previous else ""
        home_visit_record(membership=membership)
    stored = request.session[key]
    return datetime.fromisoformat(stored) if stored else None
