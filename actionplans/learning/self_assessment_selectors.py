"""Reads of the self-assessment rounds (a fixed number of queries per page): the results grid of a
round by statement and organisation, its gaps, and the change from the previous round."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from partnerships.access import scoped
from partnerships.models import Organisation

from . import self_assessment_template as template
from .models import AssessmentRating, AssessmentRound, AssessmentStatement, RoundStatus

GAP_MEDIAN = 3  # a statement whose median rating is below "Established" is a gap
SCALE_NAMES = {level: name for level, name, _ in template.SCALE}


def rounds(partnership):
    """Every round, newest first, with how many statements and ratings it has (one query)."""
    return scoped(partnership, AssessmentRound).annotate(
        statement_count=Count("statements", distinct=True), rating_count=Count("statements__ratings")
    )


def previous(round: AssessmentRound) -> AssessmentRound | None:
    """The round before this one: the latest open or closed round of the partnership that opened earlier."""
    return (
        scoped(round.partnership, AssessmentRound)
        .filter(status__in=[RoundStatus.OPEN, RoundStatus.CLOSED], opens_on__lt=round.opens_on)
        .order_by("-opens_on", "-id")
        .first()
    )


def _statements(round: AssessmentRound):
    return (
        AssessmentStatement.objects.filter(round=round)
        .order_by("order", "id")
        .prefetch_related(
            Prefetch("ratings", queryset=AssessmentRating.objects.select_related("rated_by")),
            "actions",
        )
    )


@dataclass
class Row:
    statement: AssessmentStatement
    cells: list[AssessmentRating | None]  # one per organisation, in the grid's order
    before: float | None = None  # the median of the previous round, when it had this statement

    @property
    def levels(self) -> list[int]:
        return [c.level for c in self.cells if c is not None]

    @property
    def median(self) -> float | None:
        return statistics.median(self.levels) if self.levels else None

    @property
    def change(self) -> float | None:
        if self.median is None or self.before is None:
            return None
        return self.median - self.before

    @property
    def gap_reasons(self) -> list[str]:
        reasons = []
        if self.median is not None and self.median < GAP_MEDIAN:
            reasons.append(f"median {self.median:g}, below {GAP_MEDIAN} ({SCALE_NAMES[GAP_MEDIAN]})")
        if template.LOWEST in self.levels:
            count = self.levels.count(template.LOWEST)
            reasons.append(f"{count} organisation{'s' if count != 1 else ''} at 1 ({SCALE_NAMES[template.LOWEST]})")
        return reasons

    @property
    def is_gap(self) -> bool:
        return bool(self.gap_reasons)


@dataclass
class Goal:
    key: str
    name: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Results:
    round: AssessmentRound
    previous: AssessmentRound | None
    organisations: list[Organisation]  # those that have rated: the grid's columns
    waiting: list[Organisation]  # active organisations that have not rated anything yet
    goals: list[Goal]

    @property
    def rows(self) -> list[Row]:
        return [row for goal in self.goals for row in goal.rows]

    @property
    def gaps(self) -> list[Row]:
        return [row for row in self.rows if row.is_gap]

    @property
    def rated(self) -> dict[int, int]:
        """Organisation id -> statements it has rated."""
        counts = {o.pk: 0 for o in self.organisations}
        for row in self.rows:
            for org, cell in zip(self.organisations, row.cells, strict=True):
                if cell is not None:
                    counts[org.pk] += 1
        return counts


def _medians(round: AssessmentRound | None) -> dict[str, float]:
    if round is None:
        return {}
    found: dict[str, list[int]] = {}
    rows = AssessmentRating.objects.filter(statement__round=round).values_list(
        "statement__code", "statement__text", "level"
    )
    for code, text, level in rows:
        found.setdefault(code or text.strip().lower(), []).append(level)
    return {key: statistics.median(levels) for key, levels in found.items()}


def results(round: AssessmentRound) -> Results:
    """The grid of a round: a row per statement, a column per organisation that has rated."""
    statements = list(_statements(round))
    rated_orgs = {r.organisation_id for s in statements for r in s.ratings.all()}
    everyone = list(scoped(round.partnership, Organisation).order_by("name", "id"))
    organisations = [o for o in everyone if o.pk in rated_orgs]
    waiting = [o for o in everyone if o.is_active and o.pk not in rated_orgs]
    before_round = previous(round)
    before = _medians(before_round)
    names = dict(template.GOAL_CHOICES)
    goals: dict[str, Goal] = {}
    for statement in statements:
        by_org = {r.organisation_id: r for r in statement.ratings.all()}
        row = Row(statement, [by_org.get(o.pk) for o in organisations], before.get(statement.key))
        goals.setdefault(statement.goal, Goal(statement.goal, names.get(statement.goal, statement.goal))).rows.append(
            row
        )
    return Results(round, before_round, organisations, waiting, list(goals.values()))


def organisation_ratings(round: AssessmentRound, organisation: Organisation) -> list[tuple]:
    """(statement, this organisation's rating or None) for every statement of the round (two queries)."""
    ratings = {
        r.statement_id: r for r in AssessmentRating.objects.filter(statement__round=round, organisation=organisation)
    }
    return [(s, ratings.get(s.pk)) for s in AssessmentStatement.objects.filter(round=round).order_by("order", "id")]
