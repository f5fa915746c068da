"""Reads for partnership health: attendance by organisation and quarter, survey results with the
small-count rule. A constant number of queries whatever the number of meetings or answers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q

from aspm import health_goals

from ..access import scoped
from ..models import (
    Attendance,
    AttendanceStatus,
    Organisation,
    Partnership,
    ProcessGoalTarget,
    SurveyAnswer,
    SurveyParticipation,
    SurveyRound,
)
from ..selectors import disclosure_policy
from .goals import RAG_LABELS, GoalYear, Quarter, goal_values, percent, quarters_between, rag
from .statements import STATEMENTS, THEMES

# --- attendance -----------------------------------------------------------------------------


@dataclass
class AttendanceRow:
    organisation: Organisation
    present: list[int]
    expected: list[int]
    rates: list[Decimal | None] = field(default_factory=list)
    overall: Decimal | None = None

    @property
    def cells(self) -> list[dict]:
        return [
            {"rate": r, "present": p, "expected": e}
            for r, p, e in zip(self.rates, self.present, self.expected, strict=True)
        ]


def attendance_by_organisation(partnership: Partnership, quarters: list[Quarter]) -> list[AttendanceRow]:
    """Per organisation and quarter: how many meetings it was expected at and how many it attended.

    Expected = present + apologies + absent ("not expected" is left out). Organisations without any
    expected meeting in these quarters are left out (e.g. one that joined later)."""
    counted = list(AttendanceStatus.values)
    counted.remove(AttendanceStatus.NOT_EXPECTED)
    aggregates = {}
    for i, q in enumerate(quarters):
        in_q = Q(meeting__held_on__gte=q.start, meeting__held_on__lte=q.end)
        aggregates[f"p{i}"] = Count("id", filter=in_q & Q(status=AttendanceStatus.PRESENT))
        aggregates[f"e{i}"] = Count("id", filter=in_q & Q(status__in=counted))
    rows = (
        scoped(partnership, Attendance)
        .filter(meeting__held_on__gte=quarters[0].start, meeting__held_on__lte=quarters[-1].end)
        .values("organisation_id", "organisation__name", "organisation__is_active")
        .annotate(**aggregates)
        .order_by("organisation__name")
    )
    result = []
    for r in rows:
        present = [r[f"p{i}"] for i in range(len(quarters))]
        expected = [r[f"e{i}"] for i in range(len(quarters))]
        if not sum(expected):
            continue
        org = Organisation(
            pk=r["organisation_id"], name=r["organisation__name"], is_active=r["organisation__is_active"]
        )
        row = AttendanceRow(organisation=org, present=present, expected=expected)
        row.rates = [percent(p, e) for p, e in zip(present, expected, strict=True)]
        row.overall = percent(sum(present), sum(expected))
        result.append(row)
    return result


def attendance_totals(rows: list[AttendanceRow], n: int) -> list[Decimal | None]:
    return [percent(sum(r.present[i] for r in rows), sum(r.expected[i] for r in rows)) for i in range(n)]


# --- survey ---------------------------------------------------------------------------------


def _mean(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def has_answered(membership, round: SurveyRound) -> bool:
    """Whether this member has answered the round (never what they answered)."""
    return SurveyParticipation.objects.filter(round=round, user_id=membership.user_id).exists()


def survey_rounds(partnership: Partnership):
    """Rounds newest first, each with ``respondents`` (the number of members who answered)."""
    return scoped(partnership, SurveyRound).annotate(respondents=Count("participations")).order_by("-opened_on", "-id")


@dataclass
class StatementResult:
    code: str
    theme: str
    text: str
    n: int
    mean: Decimal | None
    agree: Decimal | None  # share answering 4 or 5
    comments: list[str]
    shown: bool


@dataclass
class RoundResults:
    round: SurveyRound
    respondents: int
    threshold: int
    shown: bool
    reason: str
    statements: list[StatementResult]
    themes: list[tuple[str, Decimal | None]]
    overall: Decimal | None


def round_results(
    partnership: Partnership, round: SurveyRound, respondents: int | None = None, minimum: int | None = None
) -> RoundResults:
    """Results of a round, or only the reason they cannot be shown.

    Shown when the round is closed (so results cannot be watched change as each person answers) and
    at least the partnership's small-count threshold of people answered. A statement answered by
    fewer than that many people is withheld on its own, with its comments."""
    threshold = minimum or disclosure_policy(partnership).group_minimum
    if respondents is None:
        respondents = scoped(partnership, SurveyParticipation).filter(round=round).count()
    if round.is_open:
        reason = "Results are shown once the round is closed, so nobody can tell answers apart as they arrive."
        return RoundResults(round, respondents, threshold, False, reason, [], [], None)
    if respondents < threshold:
        reason = (
            f"Not enough answers yet to show results without identifying anyone: {respondents} "
            f"{'person' if respondents == 1 else 'people'} answered, and at least {threshold} are needed."
        )
        return RoundResults(round, respondents, threshold, False, reason, [], [], None)
    answers = scoped(partnership, SurveyAnswer).filter(round=round)
    stats = {
        r["statement"]: r
        for r in answers.values("statement").annotate(
            n=Count("id"), mean=Avg("score"), agree=Count("id", filter=Q(score__gte=4))
        )
    }
    comments: dict[str, list[str]] = {}
    for code, text in answers.exclude(comment="").values_list("statement", "comment"):
        comments.setdefault(code, []).append(text)
    results = []
    for s in STATEMENTS:
        r = stats.get(s.code, {"n": 0, "mean": None, "agree": 0})
        shown = r["n"] >= threshold
        results.append(
            StatementResult(
                code=s.code,
                theme=THEMES[s.theme],
                text=s.text,
                n=r["n"],
                mean=_mean(r["mean"]) if shown else None,
                agree=percent(r["agree"], r["n"]) if shown else None,
                comments=sorted(comments.get(s.code, []), key=str.lower) if shown else [],
                shown=shown,
            )
        )
    themes = []
    for key, label in THEMES.items():
        means = [r.mean for r, s in zip(results, STATEMENTS, strict=True) if s.theme == key and r.mean is not None]
        themes.append((label, _mean(sum(means) / len(means)) if means else None))
    shown_means = [r.mean for r in results if r.mean is not None]
    overall = _mean(sum(shown_means) / len(shown_means)) if shown_means else None
    return RoundResults(round, respondents, threshold, True, "", results, themes, overall)


def survey_trend(partnership: Partnership) -> list[RoundResults]:
    """Results of every closed round that can be shown, oldest first (for the trend over rounds)."""
    rounds = list(survey_rounds(partnership).filter(closed_on__isnull=False).order_by("closed_on", "id"))
    minimum = disclosure_policy(partnership).group_minimum
    shown = [r for r in rounds if r.respondents >= minimum]
    return [round_results(partnership, r, r.respondents, minimum) for r in shown]


def survey_scores_by_round(partnership: Partnership) -> list[tuple[SurveyRound, Decimal]]:
    """Mean score over every statement, for each closed round that reached the threshold: two queries."""
    threshold = disclosure_policy(partnership).group_minimum
    rounds = [
        r
        for r in survey_rounds(partnership).filter(closed_on__isnull=False).order_by("closed_on", "id")
        if r.respondents >= threshold
    ]
    means = dict(
        scoped(partnership, SurveyAnswer)
        .filter(round__in=[r.pk for r in rounds])
        .values("round_id")
        .annotate(mean=Avg("score"))
        .values_list("round_id", "mean")
    )
    return [(r, _mean(means[r.pk])) for r in rounds if means.get(r.pk) is not None]


# --- targets --------------------------------------------------------------------------------


def goal_targets(partnership: Partnership) -> dict[str, ProcessGoalTarget]:
    return {t.goal: t for t in scoped(partnership, ProcessGoalTarget)}


def process_goals_for_year(
    partnership: Partnership, year_start: dt.date, year_end: dt.date, *, today: dt.date | None = None
) -> list[GoalYear]:
    """Every registered process goal for the quarters from ``year_start`` to ``year_end``: the value
    of each quarter (None without data), the partnership's target and amber margin (or the default),
    and the RAG status of the latest quarter with data. A few queries per goal, whatever the size."""
    qs = quarters_between(partnership, year_start, year_end)
    targets = goal_targets(partnership)
    result = []
    for goal in health_goals.registered():
        values = goal_values(goal, partnership, qs, today=today)
        t = targets.get(goal.code) if goal.settable else None
        target = t.target if t else goal.default_target
        margin = t.amber_margin if t else goal.default_margin
        latest, latest_label = None, ""
        for q, v, _ in values:
            if v is not None:
                latest, latest_label = v, q.label
        status = rag(latest, target, margin)
        result.append(
            GoalYear(
                code=goal.code,
                name=goal.name,
                description=goal.description,
                unit=goal.unit,
                quarters=values,
                target=target,
                amber_margin=margin,
                latest=latest,
                latest_label=latest_label,
                status=status,
                status_label=RAG_LABELS[status],
                target_text=goal.format(target),
            )
        )
    return result
