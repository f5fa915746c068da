"""The demo's annual report for Northshire this year shows its self-assessment (this year's round,
compared with last year's closed one, with gaps) and its feedback (the service-user form's results,
the small training follow-up hidden, and "You said, we did"); the service-user form's question on
having a say in decisions feeds the charity's support-plan indicator."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from actionplans.learning.models import AssessmentRound, FeedbackIndicatorLink, RoundStatus
from partnerships.models import Partnership
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections.base import ReportContext
from reports.annual.years import year_containing

pytestmark = pytest.mark.django_db


def test_northshires_annual_report_shows_its_self_assessment_and_its_feedback():
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    northshire = Partnership.objects.get(slug="northshire")
    last = AssessmentRound.objects.filter(partnership=northshire).order_by("opens_on").first()
    assert last.status == RoundStatus.CLOSED
    link = FeedbackIndicatorLink.objects.get(partnership=northshire)
    assert (link.question, link.indicator.code) == ("su_involved", "O7-04")

    ctx = ReportContext(
        partnership=northshire,
        year=year_containing(northshire, timezone.localdate()),
        as_of=timezone.now(),
        section_keys=default_section_keys(),
    )
    html = render_html(ctx, build_sections(ctx), template="reports/annual/_body.html")
    assert "How we rate ourselves" in html and f"Compared with {last.title}" in html and "(gap)" in html
    assert "What people told us, and what we changed" in html
    assert "How was your support?" in html and "agree or strongly agree" in html
    assert "Hotel staff training: three months on" in html and "not shown" in html
    assert "Interpreters are now booked for every appointment" in html
