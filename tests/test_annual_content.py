"""The annual report's content beyond the plan: figures against targets, the action plan, partners'
words, outcomes, risks and goals — read back from the PDF, suppressed for publication, and gathered
in a constant number of queries."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from indicators.models import (
    Assumption,
    AssumptionReview,
    CaseStudy,
    DevelopmentGoal,
    Figure,
    Indicator,
    OutcomeHarvest,
    PeriodKind,
    PlanStatement,
    ReportingPeriod,
    Risk,
    Target,
    TargetRevision,
)
from reports.annual.registry import all_sections, default_section_keys
from reports.annual.render import build_sections, render_html, render_pdf
from reports.annual.sections.base import ReportContext
from reports.annual.years import year_containing
from reports.models import ReportJobStatus, Return, ReturnStatus

from .action_helpers import make_action
from .annual_plan import load_plan

pytestmark = pytest.mark.django_db

NEW_HEADINGS = (
    "Vision, mission and theory of change",
    "Objectives, SMART check and results chains",
    "Indicators: results against targets",
    "Action plan: RAG at year end",
    "Partner contributions",
    "Qualitative outcomes",
    "Risk register and heat map",
    "Development and process goals",
)


def this_year(side):
    return year_containing(side.partnership, timezone.localdate())


def quarters(side):
    year = this_year(side)
    return list(
        ReportingPeriod.objects.filter(
            partnership=side.partnership, kind=PeriodKind.QUARTER, start__gte=year.start, end__lte=year.end
        ).order_by("start")
    )


def record(side, indicator, period, organisation, value, breakdown=None):
    return Figure.objects.create(
        partnership=side.partnership,
        indicator=indicator,
        period=period,
        organisation=organisation,
        value=Decimal(value),
        breakdown=breakdown or {},
    )


def add_year_content(side, *, n: int = 1):
    """Everything the new sections read, ``n`` of each (for the query pins)."""
    p = side.partnership
    year = this_year(side)
    PlanStatement.objects.get_or_create(
        partnership=p,
        defaults={"vision": "A county where exploitation has nowhere to hide.", "mission": "Work as one."},
    )
    for i in range(n):
        assumption = Assumption.objects.create(partnership=p, statement=f"Training leads to referrals {i}")
        AssumptionReview.objects.create(
            partnership=p, assumption=assumption, status="holding", reviewed_on=year.start + dt.timedelta(days=40)
        )
        AssumptionReview.objects.create(
            partnership=p, assumption=assumption, status="doubtful", reviewed_on=year.start + dt.timedelta(days=90)
        )
        OutcomeHarvest.objects.create(
            partnership=p,
            title=f"Car washes checked {i}",
            what_changed="Owners now check right-to-work papers.",
            for_whom="Hand car wash owners",
            when=year.start + dt.timedelta(days=30),
            contribution="Joint visits.",
            evidence="Visit records.",
        )
        CaseStudy.objects.create(partnership=p, title=f"Story {i}", summary="Anonymised.", consent_confirmed=True)
        Risk.objects.create(partnership=p, title=f"Funding ends {i}", likelihood=4, impact=5)
        make_action(side, title=f"Train licensing officers {i}")
        period = quarters(side)[(i // 3) % 4]
        Return.objects.update_or_create(
            partnership=p,
            organisation=(side.police, side.charity, side.council)[i % 3],
            period=period,
            defaults={
                "status": ReturnStatus.APPROVED,
                "due_date": period.end,
                "progress": f"Ran joint operations ({i}).",
            },
        )
    DevelopmentGoal.objects.get_or_create(partnership=p, code="terms_of_reference", defaults={"status": "done"})


@pytest.fixture
def reported(a):
    """Side a with two objectives' plan and OBJ1-01's figures: Q1 7 + 5 = 12, Q2 6 + 3 = 9; year 21.
    By sex: female 9 and 9, male 3 and 0."""
    load_plan(a.partnership, this_year(a).start, objectives=2)
    q1, q2 = quarters(a)[:2]
    indicator = Indicator.objects.get(partnership=a.partnership, code="OBJ1-01")
    record(a, indicator, q1, a.police, 7, {"sex": {"female": 6, "male": 1}})
    record(a, indicator, q1, a.charity, 5, {"sex": {"female": 3, "male": 2}})
    record(a, indicator, q2, a.police, 6, {"sex": {"female": 6, "male": 0}})
    record(a, indicator, q2, a.charity, 3, {"sex": {"female": 3, "male": 0}})
    target = Target.objects.get(indicator=indicator, period=q2)
    TargetRevision.objects.create(
        partnership=a.partnership, target=target, old_value=target.value, new_value=15, reason="Two new teams"
    )
    add_year_content(a)
    return a


def render(side, *, publication=False) -> str:
    ctx = ReportContext(
        partnership=side.partnership,
        year=this_year(side),
        as_of=timezone.now(),
        for_publication=publication,
        section_keys=default_section_keys(),
    )
    html = render_html(ctx, build_sections(ctx), template="reports/annual/pdf.html")
    reader = PdfReader(io.BytesIO(render_pdf(html).content))
    return "\n".join(page.extract_text() for page in reader.pages)


def indicator_block(text: str, code: str) -> str:
    start = text.index(f"{code} ", text.index("Indicators: results against targets", text.index("Contents") + 50))
    return text[start : start + 900]


def test_the_pdf_has_every_new_section_and_the_year_total_of_a_known_indicator(reported):
    text = render(reported)
    for heading in NEW_HEADINGS:
        assert heading in text, heading
    block = indicator_block(text, "OBJ1-01")
    # Quarterly actuals 12 and 9 beside their targets, and the year's total 21
    assert re.search(r"Actual\s+12\s+9\s+–\s+–\s+21", block), block
    assert "Target revised during the year" in block and "to 15" in block and "Two new teams" in block
    assert re.search(r"Female\s+9\s+9\s+–\s+–\s+18", block), block
    text = " ".join(text.split())  # table cells wrap: compare words, not line breaks
    assert "A county where exploitation has nowhere to hide." in text
    assert "Moved from holding to doubtful." in text
    assert "Car washes checked 0" in text and "Story 0" in text
    assert "Funding ends 0" in text and "4 × 5 = 20" in text
    assert "Ran joint operations (0)." in text
    assert "Train licensing officers 0" in text
    assert "Terms of reference agreed" in text


def test_the_publication_version_shows_small_counts_as_less_than_five_in_the_new_tables(reported):
    internal = indicator_block(render(reported), "OBJ1-01")
    public_text = render(reported, publication=True)
    public = indicator_block(public_text, "OBJ1-01")
    assert re.search(r"Male\s+3\s+0\s+–\s+–\s+3", internal)
    # Male 3 in Q1 and its total 3 are small: shown as <5. The female cells that would give them
    # back by subtraction from the column totals (12 − 9, 21 − 18) are withheld as [c].
    assert re.search(r"Male\s+<5\s+0\s+–\s+–\s+<5", public), public
    assert re.search(r"Female\s+\[c\]\s+9\s+–\s+–\s+\[c\]", public), public
    # Quarterly actuals 12 and 9 are not small and stay; targets are never suppressed
    assert re.search(r"Actual\s+12\s+9\s+–\s+–\s+21", public), public
    public_text = " ".join(public_text.split())
    assert "Small counts are suppressed" in public_text
    # RAG counts are numbers of actions, not people: a single green action stays "1"
    assert "These are numbers of actions, not people" in public_text


def test_a_quarter_with_a_small_count_is_hidden_with_the_total_that_would_reveal_it(a):
    load_plan(a.partnership, this_year(a).start, objectives=1)
    q1, q2 = quarters(a)[:2]
    indicator = Indicator.objects.get(partnership=a.partnership, code="OBJ1-01")
    record(a, indicator, q1, a.police, 3)
    record(a, indicator, q2, a.police, 40)
    public = indicator_block(render(a, publication=True), "OBJ1-01")
    # 3 is small; beside the year total 43, the 40 would give it back (43 − 40), so 40 is withheld too
    assert re.search(r"Actual\s+<5\s+\[c\]\s+–\s+–\s+43", public), public


def queries_of_each_section(side) -> dict[str, int]:
    ctx = ReportContext(
        partnership=side.partnership, year=this_year(side), as_of=timezone.now(), section_keys=default_section_keys()
    )
    counts = {}
    for section in all_sections():
        with CaptureQueriesContext(connection) as captured:
            data = section.gather(ctx)
            if data is not None and section.draw:
                section.draw(ctx, data)
        counts[section.key] = len(captured)
    return counts


def test_each_section_gathers_its_data_in_a_constant_number_of_queries(a):
    load_plan(a.partnership, this_year(a).start, objectives=2)
    add_year_content(a, n=1)
    small = queries_of_each_section(a)
    load_plan(a.partnership, this_year(a).start, objectives=8, copies=2)  # many more objectives and indicators
    indicators = list(Indicator.objects.filter(partnership=a.partnership))
    for i, indicator in enumerate(indicators[:30]):
        record(a, indicator, quarters(a)[0], a.police, 10 + i, {"sex": {"female": 5, "male": 5 + i}})
    add_year_content(a, n=6)
    large = queries_of_each_section(a)
    assert large == small
    assert large["indicators"] <= 10 and large["actions"] <= 8 and large["vision"] <= 3
    assert sum(large.values()) <= 40


def test_the_web_page_shows_the_same_sections_with_titled_charts(reported, login):
    from django.urls import reverse

    from .access_registry.reports import make_job

    job = make_job(reported, status=ReportJobStatus.QUEUED)
    job.sections = default_section_keys()
    job.save(update_fields=["sections"])
    response = login(reported.board).get(
        reverse("reports:annual_job_web", kwargs={"slug": reported.slug, "pk": job.pk})
    )
    assert response.status_code == 200
    html = response.content.decode()
    for heading in NEW_HEADINGS:
        assert heading in html, heading
    assert '<title id="ind-' in html and '<title id="heat-t">' in html and "chain-title-" in html
