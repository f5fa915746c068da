"""Time a funding agreement's page at county size against the site's bare page.

    DEBUG=true python manage.py seed_demo --size large
    DEBUG=true python bench/funding_agreement.py [slug]     # default: westmoor

Adds, once (found again by title on a second run), 20 funding agreements to the county's partnership,
each running three financial years (the two before this one and this one) with two providers, six
KPIs and two agreed outcomes from its plan, four budget lines a year, and each provider's accepted
annual review of every finished year; then makes the funder's report for each year of the first
agreement (three real report jobs, so the page lists an archive). Monthly monitoring reports are not
in ASPM yet, so there is no spend to add: the page's spend is the budget lines with nothing reported.

Prints the median of 15 requests, and the number of queries, for the floor (the accessibility
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
from indicators.models import FundingAgreement, Indicator, Objective  # noqa: E402
from indicators.strategy.services import funding as services  # noqa: E402
from indicators.strategy.services import funding_reviews  # noqa: E402
from partnerships.models import Membership, Organisation, Partnership, Role  # noqa: E402
from reports.funder.services import funder_report_start  # noqa: E402
from reports.jobs.services import engine  # noqa: E402
from reports.models import ReportJob, ReportKind  # noqa: E402

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
        if FundingAgreement.objects.filter(partnership=partnership, title=title).exists():
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
    first = FundingAgreement.objects.get(partnership=partnership, title="Commissioned service 01")
    if not ReportJob.objects.filter(kind=ReportKind.FUNDER, agreement=first).exists():
        for year in years:
            job = funder_report_start(actor=coordinator, agreement=first, year_start=year)
            engine.run_job(job.pk)  # made here, whether or not a worker is running
    return first


def measure(client: Client, url: str) -> tuple[float, int]:
    client.get(url)  # settle the session and the caches
    times = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(queries)


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
        f"{ReportJob.objects.filter(agreement=agreement).count()} funder's reports"
    )
    floor, floor_queries = measure(client, "/accessibility/")
    page, page_queries = measure(client, reverse("strategy:agreement_detail", args=[slug, agreement.pk]))
    print(f"  floor (accessibility)  {floor:7.1f} ms  {floor_queries:3d} queries")
    print(f"  agreement page         {page:7.1f} ms  {page_queries:3d} queries  {page / floor:.1f}× the floor")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "westmoor")
