"""Reads of the outcome journals (constant queries per page): each boundary partner's markers, its
journal, and its progress over time — how many of its markers at each level were seen at each review."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from partnerships.access import scoped

from .models import BoundaryPartner, JournalEntry, MarkerLevel, ProgressMarker


@dataclass
class Point:
    """One review: the markers seen at each level, out of the partner's markers at that level."""

    date: object
    seen: dict[int, int]  # level -> markers seen

    @property
    def total(self) -> int:
        return sum(self.seen.values())


@dataclass
class Progress:
    partner: BoundaryPartner
    markers: dict[int, list[ProgressMarker]]  # level -> markers
    points: list[Point] = field(default_factory=list)  # oldest first

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def out_of(self) -> dict[int, int]:
        return {level: len(self.markers.get(level, [])) for level in MarkerLevel.values}

    @property
    def levels(self) -> list[tuple[str, int, int]]:
        """(level label, seen at the latest review, markers at the level), for the lists."""
        latest = self.latest.seen if self.latest else {}
        return [(label, latest.get(level, 0), self.out_of[level]) for level, label in MarkerLevel.choices]


def partners(partnership):
    """Every boundary partner with its organisation, its markers and its journal: four queries."""
    return (
        scoped(partnership, BoundaryPartner)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("markers", queryset=ProgressMarker.objects.order_by("level", "order", "id")),
            Prefetch(
                "entries",
                queryset=JournalEntry.objects.order_by("date", "id").prefetch_related(
                    Prefetch("observed", queryset=ProgressMarker.objects.only("id", "level"))
                ),
            ),
        )
    )


def progress(partner: BoundaryPartner) -> Progress:
    """A partner's progress from its prefetched markers and entries (no query of its own)."""
    markers: dict[int, list[ProgressMarker]] = {}
    for marker in partner.markers.all():
        markers.setdefault(marker.level, []).append(marker)
    points = []
    entries = partner.journal if hasattr(partner, "journal") else partner.entries.all()  # the page's, or the list's
    for entry in sorted(entries, key=lambda e: (e.date, e.pk)):
        seen: dict[int, int] = {}
        for marker in entry.observed.all():
            seen[marker.level] = seen.get(marker.level, 0) + 1
        points.append(Point(entry.date, seen))
    return Progress(partner, markers, points)


def overview(partnership) -> list[Progress]:
    return [progress(p) for p in partners(partnership)]


def detail_queryset(partnership):
    """One partner's page: its markers, outcomes and journal (newest first), the journal read once
    for both the list of reviews and the progress chart."""
    return (
        scoped(partnership, BoundaryPartner)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("markers", queryset=ProgressMarker.objects.order_by("level", "order", "id")),
            "outcomes__objective",
            Prefetch(
                "entries",
                to_attr="journal",
                queryset=JournalEntry.objects.order_by("-date", "-id")
                .select_related("meeting", "recorded_by")
                .prefetch_related("observed", "harvests"),
            ),
        )
    )
