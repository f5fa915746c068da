"""Time a funding agreement's page at county size against the site's bare page.

    DEBUG=true python manage.py seed_demo --size large
    DEBUG=true python bench/funding_agreement.py [slug]     # default: westmoor

Adds, once (found again by title on a second run), 20 funding agreements to the county's partnership,
each running three financial years (the two before this one and this one) with two providers, six
KPIs and two agreed outcomes from its plan, four budget lines a year, and each provider's accepted
annual review of every finished year, and each provider's monthly monitoring report for every month
due so far (figures for the KPIs it reports, income and expenditure against each budget line),
submitted and approved through the returns' services; then makes the funder's report for each year
of the first agreement (three real report jobs, so the page lists an archive). The first run takes
some minutes (about 1,300 reports); a later run adds only what is missing.

Prints the median of 15 requests (wall time, and the process's CPU time, which other work on a
shared machine disturbs less), and the number of queries, for the floor (the accessibility
statement: full middleware, session and base template) and for the first agreement's page, and the
page's ratio to the floor. Nothing here asserts a time.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from aspm.financial_calendar import calendar_of  # noqa: E402
from indicators.models import FundingAgreement, Indicator, Objective, Rollup, Unit  # noqa: E402
from indicators.strategy.services import funding as services  # noqa: E402
from indicators.strategy.services import funding_reviews  # noqa: E402
from partnerships.models import Membership, Organisation, Partnership, Role  # noqa: E402
from reports.funder.services import funder_report_start  # noqa: E402
from reports.jobs.services import engine  # noqa: E402
from reports.models import ReportJob, ReportKind, Return, ReturnStatus  # noqa: E402
from reports.monitoring.services import agreement_reports_open  # noqa: E402
from reports.returns import services as returns  # noqa: E402

AGREEMENTS = 20
RUNS = 15
LINES = (
    ("staff", Decimal("30000")),
    ("accommodation", Decimal("14000")),
    ("volunteers", Decimal("3000")),
    ("running", Decimal("5000")),
)
ANSWERS = {
    "surveys": "People supported were asked for feedback at the end of their support.",
    "training": "Staff and volunteers completed safeguarding refreshers.",
    "benefit": "People had a safe place to stay while they decided what to do.",
    "new_groups": "None this year.",
    "achievements": "Referrals from first responders came through the new route.",
    "problems": "Beds were short in winter; a second host was added.",
    "plans": "Keep the service running and add a drop-in session.",
}
NARRATIVE = {
    "progress": "People referred this month were given a safe bed or advice within a day.",
    "problems": "None this month.",
    "priorities": "Keep response times under a day.",
    "points_for_action": "None this month.",
}


def _figures(report: Return, month: int) -> dict:
    """A count for each KPI counting a flow the provider reports; the others (levels, proportions) are
    given in the quarterly return."""
    figures = {}
    for figure in report.figures.select_related("indicator"):
        if figure.indicator.unit == Unit.COUNT and figure.indicator.rule == Rollup.FLOW:
            figures[figure.indicator_id] = {"value": str(1 + (figure.indicator_id + month) % 6)}
        else:
            figures[figure.indicator_id] = {"value": "", "comment": "Given in our quarterly return."}
    return figures


def _money(report: Return) -> dict:
    """Each budget line's monthly share, a little under: 95% spent, the grant in full."""
    lines, spent_total, income_total = {}, Decimal(0), Decimal(0)
    for row in report.spend.select_related("budget_line"):
        grant = (row.budget_line.amount / 12).quantize(Decimal("0.01"))
        spent = (grant * Decimal("0.95")).quantize(Decimal("0.01"))
        lines[row.budget_line_id] = {"income": str(grant), "expenditure": str(spent)}
        spent_total += spent
        income_total += grant
    return {"lines": lines, "income_total": str(income_total), "expenditure_total": str(spent_total)}


def monthly_reports(agreement: FundingAgreement, coordinator, today) -> int:
    """Every month's report due by ``today`` from each provider, submitted and approved. Adds only
    what is missing; returns how many were approved."""
    agreement_reports_open(actor=coordinator, agreement=agreement, today=today)
    drafts = (
        Return.objects.filter(agreement=agreement, status=ReturnStatus.DRAFT, due_date__lt=today)
        .select_related("organisation", "period", "partnership")
        .order_by("period__start", "organisation__name")
    )
    for report in drafts:
        returns.return_save_draft(
            actor=coordinator,
            return_=report,
            narrative=NARRATIVE,
            figures=_figures(report, report.period.start.month),
            money=_money(report),
        )
        returns.return_submit(actor=coordinator, return_=report)
        returns.return_approve(actor=coordinator, return_=report)
    return len(drafts)


def seed(partnership: Partnership) -> FundingAgreement:
    coordinator = Membership.objects.filter(partnership=partnership, role=Role.COORDINATOR).first().user
    organisations = list(Organisation.objects.filter(partnership=partnership).order_by("name"))
    indicators = list(Indicator.objects.filter(partnership=partnership, is_active=True).order_by("code"))
    objectives = list(Objective.objects.filter(partnership=partnership).order_by("code"))
    cal = calendar_of(partnership)
    this_year = cal.year_start(timezone.localdate())
    years = [cal.year_starting(this_year.year - n) for n in (2, 1, 0)]
    for n in range(AGREEMENTS):
        title = f"Commissioned service {n + 1:02d}"
        found = FundingAgreement.objects.filter(partnership=partnership, title=title).first()
        if found is not None:
            monthly_reports(found, coordinator, timezone.localdate())
            continue
        providers = [organisations[(2 * n) % len(organisations)], organisations[(2 * n + 1) % len(organisations)]]
        funder = next(o for o in organisations if o not in providers)
        agreement = services.agreement_create(
            actor=coordinator,
            partnership=partnership,
            title=title,
            funder_organisation=funder,
            providers=providers,
            purpose="Support for people who may be victims of modern slavery, commissioned for three years.",
            start_date=years[0],
            end_date=cal.year_end(years[-1]),
            total_value=sum(amount for _c, amount in LINES) * 3,
            schedule="monthly",
            tolerance_percent=10,
            objectives=objectives[(2 * n) % len(objectives) :][:2],
            indicators=indicators[(6 * n) % len(indicators) :][:6],
        )
        for year in years:
            for category, amount in LINES:
                services.budget_line_create(
                    actor=coordinator, agreement=agreement, year_start=year, category=category, amount=amount
                )
        for year in years[:-1]:
            for provider in providers:
                review = funding_reviews.review_save(
                    actor=coordinator,
                    agreement=agreement,
                    organisation=provider,
                    year_start=year,
                    submit=True,
                    **ANSWERS,
                )
                funding_reviews.review_accept(actor=coordinator, review=review)
        started = time.perf_counter()
        done = monthly_reports(agreement, coordinator, timezone.localdate())
        print(f"  {title}: {done} monthly reports approved in {time.perf_counter() - started:.0f} s", flush=True)
    first = FundingAgreement.objects.get(partnership=partnership, title="Commissioned service 01")
    if not ReportJob.objects.filter(kind=ReportKind.FUNDER, agreement=first).exists():
        for year in years:
            job = funder_report_start(actor=coordinator, agreement=first, year_start=year)
            engine.run_job(job.pk)  # made here, whether or not a worker is running
    return first


def measure(client: Client, url: str) -> tuple[float, float, int]:
    """The median wall time and CPU time of ``RUNS`` requests (ms), and the queries of the last. On a
    shared machine the wall time grows with the other work on it; the CPU time much less."""
    client.get(url)  # settle the session and the caches
    times, cpu = [], []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), statistics.median(cpu), len(queries)


def main(slug: str) -> None:
    partnership = Partnership.objects.get(slug=slug)
    agreement = seed(partnership)
    coordinator = Membership.objects.filter(partnership=partnership, role=Role.COORDINATOR).first().user
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
    print(
        f"{partnership.name}: {FundingAgreement.objects.filter(partnership=partnership).count()} agreements, "
        f"{Indicator.objects.filter(partnership=partnership).count()} indicators; "
        f"“{agreement}”: {agreement.budget_lines.count()} budget lines, {agreement.indicators.count()} KPIs, "
        f"{Return.objects.filter(agreement=agreement, status=ReturnStatus.APPROVED).count()} approved monthly "
        f"reports ({Return.objects.filter(agreement__partnership=partnership).count()} in all), "
        f"{ReportJob.objects.filter(agreement=agreement).count()} funder's reports"
    )
    floor, floor_cpu, floor_queries = measure(client, "/accessibility/")
    page, page_cpu, page_queries = measure(client, reverse("strategy:agreement_detail", args=[slug, agreement.pk]))
    print(f"  floor (accessibility)  {floor:7.1f} ms  (CPU {floor_cpu:5.1f} ms)  {floor_queries:3d} queries")
    print(
        f"  agreement page         {page:7.1f} ms  (CPU {page_cpu:5.1f} ms)  {page_queries:3d} queries  "
        f"{page / floor:.1f}× the floor"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "westmoor")
