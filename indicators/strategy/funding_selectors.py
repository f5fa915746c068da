"""Reads of the funding agreement pages: the register, and one agreement's budget and KPIs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Sum
from django.utils import timezone

from aspm.financial_calendar import FinancialCalendar, year_label
from partnerships.access import scoped
from partnerships.models import Organisation, Partnership

from ..measurement import selectors as measurement
from ..measurement.finality import period_finality
from ..models import AgreementReview, BudgetLine, FundingAgreement, Objective, ReviewStatus
from .services.funding import agreement_years
from .services.funding_reviews import review_due

year_end = FinancialCalendar.year_end


def state_of(agreement: FundingAgreement, today: date) -> str:
    if today < agreement.start_date:
        return "Not started"
    return "Ended" if agreement.end_date < today else "Running"


def agreements(partnership: Partnership) -> list[FundingAgreement]:
    """The register, newest first, each with its providers, budget total and number of KPIs. Three queries."""
    rows = list(
        scoped(partnership, FundingAgreement)
        .select_related("funder_organisation")
        .prefetch_related(Prefetch("providers", queryset=Organisation.objects.order_by("name")))
        .annotate(n_indicators=Count("indicators", distinct=True))
    )
    budgets = dict(scoped(partnership, BudgetLine).values_list("agreement_id").annotate(total=Sum("amount")).order_by())
    today = timezone.localdate()
    for agreement in rows:
        agreement.budget_total = budgets.get(agreement.pk, Decimal(0))
        agreement.state = state_of(agreement, today)
    return rows


@dataclass
class BudgetYear:
    start: date
    lines: list[BudgetLine] = field(default_factory=list)

    @property
    def label(self) -> str:
        return year_label(self.start)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))


def budget_years(agreement: FundingAgreement) -> list[BudgetYear]:
    """Each financial year of the agreement (and any year a line was set for), oldest first, with its
    lines (by kind of cost and description). One query."""
    by_year = {start: BudgetYear(start) for start in agreement_years(agreement)}
    lines = scoped(agreement.partnership, BudgetLine).filter(agreement=agreement)
    for line in lines.order_by("year_start", "category", "description"):
        by_year.setdefault(line.year_start, BudgetYear(line.year_start)).lines.append(line)
    return [by_year[start] for start in sorted(by_year)]


@dataclass
class AgreementPage:
    agreement: FundingAgreement
    state: str
    providers: list[Organisation]
    budget_years: list[BudgetYear]
    budget_total: Decimal
    unbudgeted: Decimal  # the total value less the budget lines (negative: the lines add up to more)
    outcomes: list[Objective]
    kpis: measurement.ResultsTable
    years: list  # the partnership's financial years (ReportingPeriod), to choose the KPIs' year
    figures_status: str = ""  # "Provisional figures, as at …" or final
    reviews: list = field(default_factory=list)  # ReviewSlot, per year begun and provider
    spend_year: BudgetYear | None = None  # the year whose spend is charted: the KPIs' year, or the first

    @property
    def report_years(self) -> list[BudgetYear]:
        """The years a funder's report can be made for: those of the agreement that have begun."""
        today = timezone.localdate()
        return [y for y in self.budget_years if y.start <= today]

    @property
    def over_budget(self) -> Decimal:
        """How much more the budget lines add up to than the agreement's value (0 when they do not)."""
        return max(-self.unbudgeted, Decimal(0))


def agreement_page(agreement: FundingAgreement, *, chosen_year: str = "", today: date | None = None) -> AgreementPage:
    partnership = agreement.partnership
    today = today or timezone.localdate()
    years_of_budget = budget_years(agreement)
    budget_total = sum((y.total for y in years_of_budget), Decimal(0))
    years = measurement.financial_years(partnership)
    year = measurement.current_year(partnership, years, chosen_year)
    kpis = measurement.results_table(
        partnership, measurement.ResultsFilter(agreement=agreement.pk), year=year, today=today, milestones=False
    )
    figures_status = ""
    if kpis.year is not None and kpis.rows:
        figures_status = period_finality(partnership, [*kpis.periods, kpis.year], quarters_included=True).summary(
            [kpis.year]
        )
    providers = list(agreement.providers.order_by("name"))
    shown = kpis.year.start if kpis.year is not None else today
    spend_year = next((y for y in years_of_budget if y.start <= shown <= year_end(y.start)), None)
    return AgreementPage(
        agreement=agreement,
        state=state_of(agreement, today),
        providers=providers,
        budget_years=years_of_budget,
        spend_year=spend_year or (years_of_budget[0] if years_of_budget else None),
        budget_total=budget_total,
        unbudgeted=agreement.total_value - budget_total,
        outcomes=list(agreement.objectives.select_related("strand").order_by("code")),
        kpis=kpis,
        years=years,
        figures_status=figures_status,
        reviews=review_slots(agreement, providers, today),
    )


@dataclass
class ReviewSlot:
    """One provider's review of one year: written or not yet, with when it is due."""

    organisation: Organisation
    year_start: date
    due: date
    review: AgreementReview | None
    today: date

    @property
    def year_label(self) -> str:
        return year_label(self.year_start)

    @property
    def status_label(self) -> str:
        return self.review.get_status_display() if self.review else "Not started"

    @property
    def overdue(self) -> bool:
        done = self.review is not None and self.review.status in (ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED)
        return not done and self.due < self.today


def review_slots(agreement: FundingAgreement, providers: list[Organisation], today: date) -> list[ReviewSlot]:
    """Every provider's review of every year of the agreement that has begun, oldest year first. One query."""
    found = {
        (r.organisation_id, r.year_start): r
        for r in scoped(agreement.partnership, AgreementReview).filter(agreement=agreement)
    }
    return [
        ReviewSlot(organisation, year, review_due(agreement, year), found.get((organisation.pk, year)), today)
        for year in agreement_years(agreement)
        if year <= today
        for organisation in providers
    ]
