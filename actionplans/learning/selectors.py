"""Reads of the recommendations register (constant queries per page)."""

from __future__ import annotations

from django.db.models import Prefetch

from actionplans.models import Action
from partnerships.access import scoped

from .models import Recommendation, RecommendationChange, RecStatus

BOARD_COLUMNS = (
    RecStatus.AWAITING,
    RecStatus.AGREED,
    RecStatus.IN_PROGRESS,
    RecStatus.BEHIND,
    RecStatus.DONE,
    RecStatus.NOT_TAKEN,
)


def register(partnership):
    """Every recommendation with its owner and actions: three queries."""
    return (
        scoped(partnership, Recommendation)
        .select_related("owner_organisation", "owner_person__user")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.only("id", "title", "status", "due_date")))
    )


def detail_queryset(partnership):
    return scoped(partnership, Recommendation).select_related("owner_organisation", "owner_person__user")


def history_of(recommendation: Recommendation):
    return RecommendationChange.objects.filter(recommendation=recommendation).select_related("changed_by")


def board(recommendations) -> list[tuple[str, str, list]]:
    """The register in columns by status, in the order of the loop (awaiting … done)."""
    columns = {s: [] for s in BOARD_COLUMNS}
    for rec in recommendations:
        columns[rec.status].append(rec)
    return [(s.value, s.label, columns[s]) for s in BOARD_COLUMNS]


def of_year(partnership, start, end):
    """Recommendations received in the year (by source date, else when entered) or still open in it."""
    from django.db.models import Q

    received = Q(source_date__gte=start, source_date__lte=end) | Q(
        source_date__isnull=True, created_at__date__gte=start, created_at__date__lte=end
    )
    still_open = Q(source_date__lt=start) & ~Q(status__in=[RecStatus.DONE, RecStatus.NOT_TAKEN])
    return register(partnership).filter(received | still_open).order_by("source_date", "reference", "id")
