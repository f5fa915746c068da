"""The quarterly report for the board: for one quarter, per strand, what the organisations wrote
under Progress / Problems / Priorities / Points for action (approved returns only), the figures
against their targets, and the changes to the action plan in the quarter.

Each organisation's narrative appears once, under its **main strand**: the strand where it owns
the most actions and reports the most indicators (organisations linked to no strand go under
"Across the partnership"). Figures come from ``indicators.measurement.selectors.results_table``,
so the report shows exactly the numbers of the indicator pages. A fixed number of queries
whatever the size. The same data is rendered as a page and, by a report job, as a PDF.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time

from django.utils import timezone

from actionplans.models import Action, ActionStatusChange
from aspm.disclosure.audit import Cell
from aspm.disclosure.policy import Policy
from indicators.measurement.finality import period_finality
from indicators.measurement.selectors import results_table
from indicators.models import Indicator, PeriodKind, ReportingPeriod, Strand
from partnerships.access import scoped
from partnerships.selectors import disclosure_policy

from .. import disclosure_ledger
from ..annual.sections.delivery import return_text_key
from ..count_protection import protect_count
from ..models.returns import NARRATIVE_FIELDS, Return, ReturnStatus
from ..review import TextReview

NARRATIVE_LABELS = {
    "progress": "Progress",
    "problems": "Problems",
    "priorities": "Priorities",
    "points_for_action": "Points for action",
}
NO_STRAND = "Across the partnership"


@dataclass
class StrandPart:
    name: str
    narratives: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: {k: [] for k in NARRATIVE_FIELDS})
    figures: list = field(default_factory=list)  # (indicator, Cell)
    changes: list = field(default_factory=list)  # ActionStatusChange

    @property
    def has_narrative(self) -> bool:
        return any(self.narratives.values())

    @property
    def narrative_sections(self):
        return [(NARRATIVE_LABELS[k], self.narratives[k]) for k in NARRATIVE_FIELDS]


@dataclass
class QuarterlyReport:
    period: ReportingPeriod
    year: ReportingPeriod | None
    strands: list[StrandPart]
    approved: list[Return]
    outstanding: list[Return]
    as_of: datetime
    # "Provisional figures, as at 3 December 2026", or final for the quarter while the year is provisional
    figures_status: str = ""
    for_publication: bool = False
    policy: Policy | None = None  # the disclosure rules of a version for publication
    review: TextReview | None = None  # its free text, as reviewed

    @property
    def figure_count(self) -> int:
        return sum(len(s.figures) for s in self.strands)


def _main_strands(partnership, organisation_ids) -> dict[int, int | None]:
    """Organisation id -> the strand it works in most (actions owned + indicators reported)."""
    weight: dict[int, Counter] = defaultdict(Counter)
    owned = scoped(partnership, Action).filter(owner_organisation_id__in=organisation_ids, strand__isnull=False)
    for org_id, strand_id in owned.values_list("owner_organisation_id", "strand_id"):
        weight[org_id][strand_id] += 1
    reported = Indicator.reporting_organisations.through.objects.filter(
        organisation_id__in=organisation_ids, indicator__partnership=partnership, indicator__strand__isnull=False
    )
    for org_id, strand_id in reported.values_list("organisation_id", "indicator__strand_id"):
        weight[org_id][strand_id] += 1
    return {org: (weight[org].most_common(1)[0][0] if weight[org] else None) for org in organisation_ids}


def _published_count(policy: Policy, row, column: int, year, earlier: dict) -> Cell:
    """A count indicator's quarter as a version for publication prints it: protected with the year's
    other quarters and its year to date, as the annual report protects them (one system of relations
    for the interval audit), and with what earlier outputs for publication printed of the year (the
    disclosure ledger), so that no two publications can be combined to work out a hidden count.
    Only the quarter is printed, so only the quarter goes into the ledger."""
    protected = protect_count(policy, row, {}, earlier=earlier.get(row.indicator.pk))
    key = f"q{column + 1}"
    disclosure_ledger.note(row.indicator.pk, year.start, {key: protected["printed"][key]}, policy)
    return protected["quarters"][column]


def quarterly_report(
    partnership, period: ReportingPeriod, *, for_publication: bool = False, narratives_only: bool = False
) -> QuarterlyReport:
    """The report of one quarter. ``for_publication``: counts through the partnership's disclosure
    policy, and the narratives as the coordinator reviewed them (``reports.review``); the action
    plan's change notes are left out (working notes, not written for readers outside)."""
    policy = disclosure_policy(partnership) if for_publication else None
    review = TextReview(partnership, policy) if for_publication else None
    strands = list(scoped(partnership, Strand).order_by("order", "name"))
    parts = {s.pk: StrandPart(name=s.name) for s in strands}
    parts[None] = StrandPart(name=NO_STRAND)

    returns = list(
        scoped(partnership, Return)
        .filter(period=period, agreement__isnull=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    approved = [r for r in returns if r.status == ReturnStatus.APPROVED]
    main = _main_strands(partnership, [r.organisation_id for r in approved])
    for return_ in approved:
        part = parts.get(main.get(return_.organisation_id), parts[None])
        for name in NARRATIVE_FIELDS:
            text = getattr(return_, name).strip()
            if text and review is not None:
                label = f"{return_.organisation.name}'s return for {period.label}: {NARRATIVE_LABELS[name]}"
                text = review.publishable(return_text_key(return_, name), label, text).strip()
            if text:
                part.narratives[name].append((return_.organisation.name, text))

    if narratives_only:  # the free-text review needs the words only
        return QuarterlyReport(
            period=period, year=None, strands=[], approved=approved, outstanding=[], as_of=timezone.now(),
            for_publication=for_publication, policy=policy, review=review,
        )  # fmt: skip
    year = (
        scoped(partnership, ReportingPeriod)
        .filter(kind=PeriodKind.YEAR, start__lte=period.start, end__gte=period.end)
        .first()
    )
    if year is not None:
        table = results_table(partnership, year=year, today=period.end)
        column = next((i for i, p in enumerate(table.periods) if p.pk == period.pk), None)
        earlier = disclosure_ledger.earlier_for(partnership, year.start) if policy is not None else {}
        if column is not None:
            for row in table.rows:
                cell = row.cells[column]
                if policy is not None and row.indicator.unit == "count" and cell.actual is not None:
                    shown = _published_count(policy, row, column, year, earlier)
                    cell.published = shown.text
                    cell.status_withheld = shown.suppressed  # a status beside its target would narrow it
                parts.get(row.indicator.strand_id, parts[None]).figures.append((row.indicator, cell))

    start = timezone.make_aware(datetime.combine(period.start, time.min))
    end = timezone.make_aware(datetime.combine(period.end, time.max))
    changes = (
        scoped(partnership, ActionStatusChange)
        .filter(changed_at__range=(start, end))
        .select_related("action", "action__owner_organisation", "changed_by")
        .order_by("changed_at", "id")
    )
    for change in changes:
        parts.get(change.action.strand_id, parts[None]).changes.append(change)

    ordered = [parts[s.pk] for s in strands] + [parts[None]]
    shown = [p for p in ordered if p.has_narrative or p.figures or p.changes]
    as_of = timezone.now()
    outstanding = [r for r in returns if r.status != ReturnStatus.APPROVED]
    finality = period_finality(
        partnership, [period], as_at=timezone.localdate(as_of), outstanding={period.pk} if outstanding else set()
    )
    figures_status = finality.summary([period])
    if finality.is_final(period):  # the quarter's own figures are settled; the year's may still change
        year_final = year is not None and period_finality(partnership, [year], as_at=finality.as_at).is_final(year)
        figures_status = (
            f"Final figures, as at {finality.as_at_text}"
            if year_final
            else f"Final for the quarter, provisional for the year, as at {finality.as_at_text}"
        )
    return QuarterlyReport(
        period=period,
        year=year,
        strands=shown,
        approved=approved,
        outstanding=outstanding,
        as_of=as_of,
        figures_status=figures_status,
        for_publication=for_publication,
        policy=policy,
        review=review,
    )
