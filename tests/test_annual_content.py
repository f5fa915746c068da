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
    PeriodStatus,
    PlanStatement,
    ReportingPeriod,
    Risk,
    Target,
    TargetRevision,
)
from reports.annual.registry import all_sections, default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections.base import ReportContext
from reports.annual.years import year_containing
from reports.jobs.pdf import render_pdf
from reports.models import ReportJobStatus, Return, ReturnStatus

from .action_helpers import make_action
from .annual_plan import load_plan

pytestmark = pytest.mark.django_db

NEW_HEADINGS = (
    "Vision, mission and theory of change",
    "Objectives, SMART check and results chains",
    "Indicators: results against targets",
    "Action plan: RAG",
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
    """A figure as the services record it: only in a period that is open (nothing is computed for a
    period that has not opened)."""
    ReportingPeriod.objects.filter(pk=period.pk, status=PeriodStatus.NOT_OPEN).update(status=PeriodStatus.OPEN)
    period.status = PeriodStatus.OPEN
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
                "key_achievements": f"Ran joint operations ({i}).",
                "points_for_action": f"Fund the interpreter pool ({i}).",
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
    return text[start : start + 300]


def breakdowns(text: str) -> str:
    start = text.index("Breakdowns for the year")
    return " ".join(text[start : start + 900].split())


def test_the_pdf_has_every_new_section_and_the_year_total_of_a_known_indicator(reported):
    text = render(reported)
    for heading in NEW_HEADINGS:
        assert heading in text, heading
    block = indicator_block(text, "OBJ1-01")
    # Its quarters in words, actual (target): 12 and 9 reported; the quarters not opened show no figure
    assert re.search(r"Q1 12 \(8\) · Q2 9 \(9\) · Q3 not\s+open\s+yet\s+·\s+Q4 not\s+open yet", block), block
    # Target for the two quarters reported 8 + 9 = 17; actual 12 + 9 = 21, above it: on track
    assert re.search(r"\b17\s+21\s+✓\s+On track", block), block  # the status with its mark, colour and word
    flat = " ".join(block.split())  # cells wrap: compare words, not line breaks
    assert "Target revised" in flat and "to 15" in flat and "Two new teams" in flat
    # By sex for the year: female 6 + 3 + 6 + 3 = 18, male 1 + 2 = 3, total 21
    split = breakdowns(text)
    assert "By sex" in split and "Female Male Total" in split, split
    assert re.search(r"OBJ1-01 .*? 18 3 21", split), split
    text = " ".join(text.split())  # table cells wrap: compare words, not line breaks
    assert "A county where exploitation has nowhere to hide." in text
    assert "Moved from holding to doubtful." in text
    assert "Car washes checked 0" in text and "Story 0" in text
    assert "Funding ends 0" in text and "4 × 5 = 20" in text
    assert "Ran joint operations (0)." in text and "Fund the interpreter pool (0)." in text
    assert "Train licensing officers 0" in text
    assert "Terms of reference agreed" in text


def test_the_publication_version_shows_small_counts_as_less_than_five_in_the_new_tables(reported):
    internal_text = render(reported)
    assert re.search(r"OBJ1-01 .*? 18 3 21", breakdowns(internal_text))
    public_text = render(reported, publication=True)
    public = indicator_block(public_text, "OBJ1-01")
    # Male 3 is small: shown as <5. The female 18 beside it would give it back by subtraction from
    # the total (21 − 18), so it is withheld as [c]; the total stays.
    assert re.search(r"OBJ1-01 .*? \[c\] <5 21", breakdowns(public_text)), breakdowns(public_text)
    # Quarterly actuals 12 and 9 are not small and stay; targets are never suppressed
    assert re.search(r"Q1 12 \(8\) · Q2 9 \(9\)", public), public
    assert re.search(r"\b17\s+21\s+✓\s+On track", public), public
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
    assert re.search(r"Q1 <5 \(8\) · Q2 \[c\] \(9\)", public), public
    assert re.search(r"\b17\s+43\s+✓\s+On track", public), public


def test_a_figure_sent_without_a_split_is_counted_as_not_split_and_protected_too(a):
    """Q1 3 without a split, Q2 18 split 10/8: the breakdown's total is the year's 21, not 18,
    so "21 − 18" cannot give the hidden 3 back."""
    load_plan(a.partnership, this_year(a).start, objectives=1)
    q1, q2 = quarters(a)[:2]
    indicator = Indicator.objects.get(partnership=a.partnership, code="OBJ1-01")
    record(a, indicator, q1, a.police, 3)
    record(a, indicator, q2, a.police, 18, {"sex": {"female": 10, "male": 8}})
    internal = breakdowns(render(a))
    assert "Female Male Not split Total" in internal and re.search(r"OBJ1-01 .*? 10 8 3 21", internal), internal
    public = breakdowns(render(a, publication=True))
    assert re.search(r"OBJ1-01 .*? 10 \[c\] <5 21", public), public


def test_a_large_plan_lists_red_first_then_the_amber_due_soonest_and_counts_the_rest_by_objective(a, monkeypatch):
    from actionplans.models import RagStatus
    from reports.annual.sections import delivery

    monkeypatch.setattr(delivery, "LIST_LIMIT", 2)
    start, end = this_year(a).start, this_year(a).end
    make_action(a, title="Red, due later", status=RagStatus.RED, note="Stuck", due_date=start + dt.timedelta(days=90))
    make_action(a, title="Red, due first", status=RagStatus.RED, note="Stuck", due_date=start + dt.timedelta(days=60))
    make_action(a, title="Green", status=RagStatus.GREEN, due_date=end)
    # amber and not yet due (the year is still running)
    make_action(a, title="Amber, due last", status=RagStatus.AMBER, due_date=end)
    make_action(
        a, title="Amber, due first", status=RagStatus.AMBER, note="Slipping", due_date=end - dt.timedelta(days=2)
    )
    make_action(a, title="Amber, due later", status=RagStatus.AMBER, due_date=end - dt.timedelta(days=1))
    ctx = ReportContext(partnership=a.partnership, year=this_year(a), as_of=timezone.now())
    data = delivery.ACTION_PLAN.gather(ctx)
    # red first, the longest overdue first; then the amber ones due soonest, up to the limit
    assert [action.title for action in data["urgent"]] == ["Red, due first", "Red, due later"]
    listed = [action.title for _strand, rows in data["groups"] for action in rows]
    assert listed == ["Amber, due first", "Amber, due later"]
    assert (data["count"], data["attention"], data["not_listed"]) == (6, 3, 1)
    [line] = data["by_objective"]
    assert dict(zip(RagStatus.values, line["values"], strict=True)) == {"red": 2, "amber": 3, "green": 1, "complete": 0}


def test_a_small_plan_lists_every_action(a):
    from reports.annual.sections import delivery

    make_action(a, title="Green one", due_date=this_year(a).end)
    ctx = ReportContext(partnership=a.partnership, year=this_year(a), as_of=timezone.now())
    data = delivery.ACTION_PLAN.gather(ctx)
    assert data["listing"] == "all" and [r.title for _s, rows in data["groups"] for r in rows] == ["Green one"]


def queries_of_each_section(side) -> dict[str, int]:
    ctx = ReportContext(
        partnership=side.partnership, year=this_year(side), as_of=timezone.now(), section_keys=default_section_keys()
    )
    counts, gathered = {}, {}
    for section in all_sections():  # as render.build_sections: every section gathers, then draws
        with CaptureQueriesContext(connection) as captured:
            gathered[section.key] = ctx.notes[f"data:{section.key}"] = section.gather(ctx)
        counts[section.key] = len(captured)
    for section in all_sections():
        if gathered[section.key] is not None and section.draw:
            with CaptureQueriesContext(connection) as captured:
                section.draw(ctx, gathered[section.key])
            counts[section.key] += len(captured)
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
    assert large["indicators"] <= 10 and large["actions"] <= 11 and large["vision"] <= 3
    # the action plan's movement three, the partners' due organisations one, last year at a glance seven
    assert large["glance"] <= 7
    # 51, the figures' finality (two once a quarter is locked), the disclosure policy; the self-assessment's
    # rounds one and the feedback's answers and log two (with no round or answer in the year)
    assert sum(large.values()) <= 57


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


def test_the_annex_names_a_few_reporters_counts_many_by_sector_and_shows_the_means_of_verification(a):
    from partnerships.models import Organisation
    from reports.annual.sections import annex

    load_plan(a.partnership, this_year(a).start, objectives=1)
    few, many = Indicator.objects.filter(partnership=a.partnership).order_by("code")[:2]
    few.reporting_organisations.set([a.police])
    few.means_of_verification = "Crime recording system, monthly extract"
    few.save()
    extra = [
        Organisation.objects.create(partnership=a.partnership, name=f"Ward {n} Council", sector="local_authority")
        for n in range(5)
    ]
    many.reporting_organisations.set([a.police, *extra])
    many.means_of_verification = ""
    many.save()
    ctx = ReportContext(partnership=a.partnership, year=this_year(a), as_of=timezone.now())
    data = annex.ANNEX.gather(ctx)
    by_code = {i.code: i for i in data["indicators"]}
    assert by_code[few.code].reported_by == a.police.name
    assert by_code[many.code].reported_by == "6 organisations (5 local authority, 1 police)"
    assert data["without_source"] == 1  # the plan's indicators all have one, but for this one
    text = " ".join(render(a).split())
    assert "Means of verification: Crime recording system, monthly extract" in text


def test_partners_give_year_end_answers_and_points_for_action_from_approved_returns_only(a):
    from reports.annual.sections import delivery

    load_plan(a.partnership, this_year(a).start, objectives=1)  # makes the year's quarters
    q1, q2, _q3, q4 = quarters(a)
    for organisation, period, status, answers in (
        (a.police, q2, ReturnStatus.APPROVED, {"points_for_action": "Fund interpreters."}),
        (
            a.police,
            q4,
            ReturnStatus.APPROVED,
            {"key_achievements": "Forty officers trained.", "key_challenges": "Cost."},
        ),
        # sent back for changes: its words are not yet the charity's, and it has no approved year-end return
        (
            a.charity,
            q4,
            ReturnStatus.RETURNED,
            {"key_achievements": "Opened a drop-in.", "points_for_action": "Pay us."},
        ),
        (a.council, q1, ReturnStatus.SUBMITTED, {"key_achievements": "Waiting for review."}),
    ):
        Return.objects.create(
            partnership=a.partnership,
            organisation=organisation,
            period=period,
            due_date=period.end,
            status=status,
            **answers,
        )
    ctx = ReportContext(partnership=a.partnership, year=this_year(a), as_of=timezone.now())
    data = delivery.PARTNERS.gather(ctx)
    items = {item["organisation"]: item for item in data["items"]}

    assert set(items) == {a.police}
    assert items[a.police]["answers"] == [
        ("Key achievements", "Forty officers trained."),
        ("Key challenges", "Cost."),
        ("Future priorities", ""),
    ]
    assert items[a.police]["points"] == [(q2.label, "Fund interpreters.")]
    assert a.charity in data["missing"] and a.council in data["missing"] and a.police not in data["missing"]


def test_an_in_year_report_says_its_figures_are_provisional_as_at_its_date_and_never_at_year_end(reported):
    from django.utils.dateformat import format as date_format

    text = " ".join(render(reported).split())
    as_at = date_format(timezone.now().date(), "j F Y")
    assert f"Provisional figures, as at {as_at}" in text  # the cover, About this report and the results
    assert "year end" not in text.lower()
    assert "Status at " + as_at in text


def test_a_finished_year_whose_quarters_are_all_final_says_final_figures(a):
    from reports.annual.sections import front
    from reports.annual.years import year_starting

    last_year = year_starting(a.partnership, this_year(a).start.year - 1)
    load_plan(a.partnership, last_year.start, objectives=1)
    periods = ReportingPeriod.objects.filter(
        partnership=a.partnership, start__gte=last_year.start, end__lte=last_year.end
    )
    periods.update(status=PeriodStatus.LOCKED)  # every quarter and the year locked, no return outstanding
    ctx = ReportContext(partnership=a.partnership, year=last_year, as_of=timezone.now())
    assert (ctx.in_year, front.COVER.gather(ctx)["figures_status"]) == (False, "Final figures")
    q2 = periods.get(kind=PeriodKind.QUARTER, start__month=7)
    Return.objects.create(
        partnership=a.partnership, organisation=a.police, period=q2, due_date=q2.end, status=ReturnStatus.SUBMITTED
    )
    ctx = ReportContext(partnership=a.partnership, year=last_year, as_of=timezone.now())
    assert front.COVER.gather(ctx)["figures_status"].startswith("Provisional figures, as at ")
