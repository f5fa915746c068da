"""The annual report as a board reads it, checked in the PDF of the Northshire demo (issue 18): the
"At a glance" pages name what the board must decide and last year's position; partner contributions
come from approved returns only and name who sent no year-end return; no text under 9 pt, and no page
more than two-thirds empty except where a chapter ends."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.db.models import Min
from django.utils import timezone
from pypdf import PdfReader

from actionplans.models import Action, ActionStatusChange, RagStatus
from indicators.models import Risk, RiskStatus
from partnerships.models import Organisation, Partnership
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections.annex import TERMS
from reports.annual.sections.base import ReportContext
from reports.annual.years import year_containing, year_starting
from reports.jobs.pdf import render_pdf
from reports.models import Return, ReturnStatus

from .pdf_text import text_runs, words

pytestmark = pytest.mark.django_db

MM = 72 / 25.4


def pdf_of(partnership, year) -> PdfReader:
    ctx = ReportContext(
        partnership=partnership,
        year=year,
        as_of=timezone.now(),
        section_keys=default_section_keys(),
        foreword="A short foreword.",
    )
    html = render_html(ctx, build_sections(ctx), template="reports/annual/pdf.html")
    return PdfReader(io.BytesIO(render_pdf(html, partnership_id=partnership.pk).content))


@pytest.fixture
def northshire():
    call_command("seed_demo", "--allow-production", "--quiet-logins")
    return Partnership.objects.get(slug="northshire")


def test_the_demos_reports_put_the_boards_business_first_use_approved_words_only_and_waste_no_paper(northshire):
    today = timezone.localdate()
    this_year = year_containing(northshire, today)
    last_year = year_starting(northshire, this_year.start.year - 1)
    pages = [words(p) for p in pdf_of(northshire, this_year).pages]
    glance = " ".join(pages[1:3])  # the two pages after the cover
    assert "At a glance" in pages[1]

    # The red and overdue actions it names are red or overdue, with their owners; the rest are counted.
    pressing = [
        a
        for a in Action.objects.filter(partnership=northshire).select_related("owner_organisation")
        if a.status == RagStatus.RED or (a.status != RagStatus.COMPLETE and a.due_date < today)
    ]
    named = [a for a in pressing if a.title in glance]
    assert len(named) == min(len(pressing), 5)
    assert all(f"owner {a.owner_organisation.name}" in glance for a in named)
    if len(pressing) > 5:
        assert f"and {len(pressing) - 5} more red or overdue actions" in glance
    # Every very-high risk still open is named.
    very_high = [
        r for r in Risk.objects.filter(partnership=northshire).exclude(status=RiskStatus.CLOSED) if r.score >= 15
    ]
    assert very_high and all(r.title in glance for r in very_high)
    # Last year's plan: the actions whose history began before this year started.
    firsts = (
        ActionStatusChange.objects.filter(action__partnership=northshire).values("action").annotate(f=Min("changed_at"))
    )
    start = timezone.make_aware(dt.datetime.combine(this_year.start, dt.time.min))
    in_plan_last_year = sum(1 for row in firsts if row["f"] < start)
    assert f"({in_plan_last_year} at the end of {last_year.label})" in glance
    assert f"{this_year.label} {last_year.label}" in glance  # the status tables compare the two years

    # Partner words come from approved returns only: a return sent back for changes never shows.
    sent_back = Return.objects.filter(partnership=northshire, status=ReturnStatus.RETURNED)
    assert sent_back.exists()  # the demo has such returns: the check is not empty
    sent_back.update(points_for_action="Words sent back to be put right.")
    approved = Return.objects.filter(
        partnership=northshire, status=ReturnStatus.APPROVED, period__start__gte=this_year.start, agreement=None
    ).exclude(points_for_action="")
    report = pdf_of(northshire, this_year)
    whole = " ".join(words(p) for p in report.pages)
    assert "Words sent back" not in whole
    assert approved and all(" ".join(r.points_for_action.split())[:60] in whole for r in approved)

    # Every abbreviation the report uses (after the cover, whose kicker is in capitals) is in its glossary.
    glossary = {term.split(",")[0] for term, _meaning in TERMS}
    used = {w.rstrip("s") for w in re.findall(r"\b[A-Z]{2,6}s?\b", " ".join(words(p) for p in report.pages[1:]))}
    assert used - glossary - {"IT", "HM"} == set()  # IT classes, HM Revenue and Customs: plain English

    # Layout: nothing under 9 pt anywhere; a page is at least a third full unless a chapter ends on it.
    for number, page in enumerate(report.pages, 1):
        runs = text_runs(page)
        assert min(size for size, _y in runs) >= 8.95, f"page {number} has text under 9 pt"
    for number, page in enumerate(report.pages[:-1], 1):
        height = float(page.mediabox.height)
        body = [y for size, y in text_runs(page) if 20 * MM < y < height - 18 * MM]
        used = (height - 22 * MM - min(body)) / (height - 42 * MM)
        next_starts_a_chapter = any(size > 16 for size, _y in text_runs(report.pages[number]))
        assert used > 1 / 3 or next_starts_a_chapter, f"page {number} is {used:.0%} full and no chapter ends there"
        # No heading (a section's at 17 pt, a part's at 12.5 pt) is the last line of its page, parted from
        # what it heads. (pypdf reads the charts' labels at their SVG size, 12, under the headings' sizes.)
        foot = [size for size, y in text_runs(page) if abs(y - min(body)) < 1.5]
        assert max(foot) < 12.2, f"page {number} ends on a heading"

    # Last year's report, the year over: each partner's approved year-end answers, and who sent none.
    ended = " ".join(words(p) for p in pdf_of(northshire, last_year).pages)
    silent = Organisation.objects.filter(partnership=northshire, is_active=True).exclude(
        pk__in=Return.objects.filter(partnership=northshire, status=ReturnStatus.APPROVED, agreement=None).values(
            "organisation"
        )
    )
    assert silent  # the demo has an organisation with no return at all
    missing = ended.split("No approved year-end return from", 1)[1][:800]
    assert all(o.name in missing for o in silent)
    year_end = Return.objects.filter(
        partnership=northshire, status=ReturnStatus.APPROVED, period__end=last_year.end, agreement=None
    ).exclude(key_achievements="")
    assert year_end and all(" ".join(r.key_achievements.split())[:60] in ended for r in year_end)
