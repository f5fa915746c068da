"""The board's quarterly report: per strand, the approved returns' 4Ps, the figures against
targets and the action-plan changes of the quarter; and its PDF, made by the report engine."""

import io
from datetime import date, datetime, time

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from actionplans.models import ActionStatusChange
from actionplans.services import action_create
from indicators.models import PeriodKind, PeriodStatus, ReportingPeriod, Strand, Target
from reports.annual.selectors import report_jobs, report_versions
from reports.models import ReportJob, ReportKind, ReportVersion
from reports.returns import quarterly_pdf, services
from reports.returns.quarterly import NO_STRAND, quarterly_report

from .query_sizes import flat_queries, ok
from .returns_cast import NARRATIVE, indicator, open_period, quarter, the_return

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(a):
    """Northvale's 2026/27 Q1: the police (Pursue) approved, the charity (Protect) only submitted."""
    ReportingPeriod.objects.create(
        partnership=a.partnership,
        kind=PeriodKind.YEAR,
        start=date(2026, 4, 1),
        end=date(2027, 3, 31),
        label="2026/27",
        status=PeriodStatus.OPEN,
    )
    pursue = Strand.objects.get(partnership=a.partnership, code="pursue")
    protect = Strand.objects.get(partnership=a.partnership, code="protect")
    visits = indicator(a, "PU-1", reporters=[a.police], strand=pursue, name="Joint visits")
    supported = indicator(a, "PR-1", reporters=[a.charity], strand=protect, name="Survivors supported")
    period = quarter(a)
    Target.objects.create(partnership=a.partnership, indicator=visits, period=period, value=5)
    action = action_create(
        actor=a.coordinator,
        partnership=a.partnership,
        title="Visit every hand car wash",
        owner_organisation=a.police,
        strand=pursue,
        due_date=date(2026, 9, 30),
    )
    ActionStatusChange.objects.filter(action=action).update(
        changed_at=timezone.make_aware(datetime.combine(date(2026, 5, 2), time(10)))
    )
    open_period(a, period)
    police, charity = the_return(a, a.police, period), the_return(a, a.charity, period)
    services.return_save_draft(
        actor=a.spoc_police, return_=police, narrative=NARRATIVE, figures={visits.pk: {"value": "4"}}
    )
    services.return_submit(actor=a.spoc_police, return_=police)
    police.refresh_from_db()
    services.return_approve(actor=a.coordinator, return_=police, version=police.version)
    charity_text = {**NARRATIVE, "progress": "Charity text that is not approved yet."}
    services.return_save_draft(
        actor=a.spoc_charity, return_=charity, narrative=charity_text, figures={supported.pk: {"value": "6"}}
    )
    services.return_submit(actor=a.spoc_charity, return_=charity)
    return period


def test_the_report_puts_each_approved_return_under_its_organisations_strand(a, story):
    report = quarterly_report(a.partnership, story)
    pursue = next(p for p in report.strands if p.name == "Pursue")
    assert pursue.narratives["progress"] == [("Northvale Police", NARRATIVE["progress"])]
    assert pursue.narratives["points_for_action"] == [("Northvale Police", NARRATIVE["points_for_action"])]
    everything = [text for p in report.strands for entries in p.narratives.values() for _, text in entries]
    assert "Charity text that is not approved yet." not in everything
    assert [r.organisation for r in report.outstanding] == [a.charity]


def test_the_report_shows_the_figures_against_targets_and_the_quarters_action_changes(a, story):
    report = quarterly_report(a.partnership, story)
    pursue = next(p for p in report.strands if p.name == "Pursue")
    ((ind, cell),) = pursue.figures
    assert (ind.code, cell.actual_text, cell.target_text, cell.status) == ("PU-1", "4", "5", "off_track")
    assert [c.action.title for c in pursue.changes] == ["Visit every hand car wash"]
    protect = next(p for p in report.strands if p.name == "Protect")
    assert protect.figures[0][1].actual is None  # the charity's return is not approved
    assert NO_STRAND not in [p.name for p in report.strands]


def test_the_board_reads_the_report_page_in_a_fixed_number_of_queries(a, story, login):
    pursue = Strand.objects.get(partnership=a.partnership, code="pursue")
    made = iter(range(1000))

    def grow(n):  # more indicators the police report and actions they own, in the same strand
        for _ in range(n):
            k = next(made)
            indicator(a, f"PX-{k}", reporters=[a.police], strand=pursue, name=f"Measure {k}")
            action_create(
                actor=a.coordinator,
                partnership=a.partnership,
                title=f"Action {k}",
                owner_organisation=a.police,
                strand=pursue,
                due_date=date(2026, 9, 30),
            )

    client = login(a.board)
    url = reverse("reports:quarterly_report", kwargs={"slug": a.partnership.slug, "period_pk": story.pk})
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=25, small=1, big=8)
    response = client.get(url)
    assert "Points for action" in response.content.decode() and "Joint visits" in response.content.decode()


def test_the_pdf_is_made_by_the_report_engine_and_kept_apart_from_the_annual_reports(
    a, story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = quarterly_pdf.quarterly_job_start(actor=a.coordinator, period=story)
    job.refresh_from_db()
    assert (job.kind, job.status) == (ReportKind.QUARTERLY, "done")
    version = ReportVersion.objects.get(job=job)
    assert (version.kind, version.number) == (ReportKind.QUARTERLY, 1)
    assert version.download_name == "quarterly-report-2026-27-Q1-v1.pdf"
    with version.file.open("rb") as handle:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert "quarterly report 2026/27 Q1" in text and NARRATIVE["progress"][:30] in text
    assert job not in report_jobs(a.partnership) and version not in report_versions(a.partnership)
    assert ReportJob.objects.filter(kind=ReportKind.ANNUAL).count() == 0
