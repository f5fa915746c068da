"""The quarterly report's PDF in the annual report's design (issue 18, item 6), read back with pypdf:
each figure written in its unit (a percentage with %, a yes/no as Yes or No, money in pounds), nothing
under 9 pt, statuses as a mark and a whole word, table rows kept whole on one page with the table's
header repeated, and the figures said to be provisional with their date."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time

import pytest
from django.utils import timezone
from pypdf import PdfReader

from actionplans.models import ActionStatusChange, RagStatus
from actionplans.services import action_create
from indicators.models import PeriodKind, PeriodStatus, ReportingPeriod, Strand, Target, Unit
from reports.jobs.pdf import render_pdf
from reports.models import ReportJob, ReportKind
from reports.returns import services
from reports.returns.quarterly_pdf import quarterly_html

from .pdf_text import text_sizes, words
from .returns_cast import NARRATIVE, indicator, open_period, quarter, the_return

pytestmark = pytest.mark.django_db

ACTIONS = 24  # enough changes to run the action plan's table over more than one page


def _action_title(k: int) -> str:
    return f"Action number {k} visits every hand car wash and nail bar on the ring road with the licensing team"


@pytest.fixture
def quarter_with_figures(a):
    """Northvale's 2026/27 Q1, the police's return approved with a figure in each unit, and a long run
    of action plan changes in the quarter."""
    ReportingPeriod.objects.create(
        partnership=a.partnership, kind=PeriodKind.YEAR, start=date(2026, 4, 1), end=date(2027, 3, 31),
        label="2026/27", status=PeriodStatus.OPEN,
    )  # fmt: skip
    pursue = Strand.objects.get(partnership=a.partnership, code="pursue")
    made = {
        "visits": (indicator(a, "PU-1", reporters=[a.police], strand=pursue, name="Joint visits"), "4", 5),
        "share": (
            indicator(a, "PU-2", unit=Unit.PERCENTAGE, reporters=[a.police], strand=pursue, name="Share referred"),
            "72.5",
            80,
        ),
        "plan": (
            indicator(a, "PU-3", unit=Unit.YES_NO, reporters=[a.police], strand=pursue, name="Plan agreed"),
            "1",
            1,
        ),
        "spend": (
            indicator(a, "PU-4", unit=Unit.MONEY, reporters=[a.police], strand=pursue, name="Spend on training"),
            "12500",
            10000,
        ),
    }
    period = quarter(a)
    for ind, _value, target in made.values():
        Target.objects.create(partnership=a.partnership, indicator=ind, period=period, value=target)
    statuses = [RagStatus.GREEN, RagStatus.AMBER, RagStatus.RED, RagStatus.COMPLETE]
    for k in range(ACTIONS):
        action = action_create(
            actor=a.coordinator, partnership=a.partnership, title=_action_title(k), owner_organisation=a.police,
            strand=pursue, due_date=date(2026, 9, 30),
        )  # fmt: skip
        ActionStatusChange.objects.filter(action=action).update(
            changed_at=timezone.make_aware(datetime.combine(date(2026, 5, 2 + k % 20), time(10))),
            status=statuses[k % 4],
            note="The licensing team joined two of the visits; the rest are booked for next month.",
        )
    open_period(a, period)
    police = the_return(a, a.police, period)
    services.return_save_draft(
        actor=a.spoc_police,
        return_=police,
        narrative=NARRATIVE,
        figures={ind.pk: {"value": value} for ind, value, _target in made.values()},
    )
    services.return_submit(actor=a.spoc_police, return_=police)
    police.refresh_from_db()
    services.return_approve(actor=a.coordinator, return_=police, version=police.version)
    return period


def pdf_of(a, period) -> PdfReader:
    job = ReportJob(
        partnership=a.partnership, kind=ReportKind.QUARTERLY, year_start=period.start, year_end=period.end,
        year_label=period.label,
    )  # fmt: skip
    html, _as_of = quarterly_html(job)
    return PdfReader(io.BytesIO(render_pdf(html, partnership_id=a.partnership.pk).content))


def text_of(pdf: PdfReader) -> str:
    """The whole text, its no-break spaces (between a status's mark and its word) read as spaces."""
    return "\n".join(page.extract_text() for page in pdf.pages).replace("\xa0", " ")


def row_of(text: str, name: str) -> str:
    """The line of the figures table that names ``name``."""
    return next(line for line in text.splitlines() if name in line)


def test_the_quarterly_pdf_writes_each_figure_in_its_unit_and_says_it_is_provisional(a, quarter_with_figures):
    pdf = pdf_of(a, quarter_with_figures)
    text = text_of(pdf)
    assert re.search(r"Share referred 80% 72\.5% 1 ! At risk", row_of(text, "Share referred"))
    assert re.search(r"Plan agreed Yes Yes 1 ✓ On track", row_of(text, "Plan agreed"))
    assert re.search(r"Spend on training £10,000 £12,500 1 ✓ On track", row_of(text, "Spend on training"))
    assert re.search(r"Joint visits 5 4 1 ✕ Off track", row_of(text, "Joint visits"))
    # In-year figures say so, with their date, in the report and at the foot of every page.
    today = timezone.localdate()
    provisional = f"Provisional figures, as at {today.day} {today:%B %Y}"
    assert provisional in words(pdf.pages[0])
    assert all(f"2026/27 Q1 · {provisional}" in words(page) for page in pdf.pages)


def test_no_text_in_the_quarterly_pdf_is_under_9_pt(a, quarter_with_figures):
    pdf = pdf_of(a, quarter_with_figures)
    assert len(pdf.pages) > 1
    for number, page in enumerate(pdf.pages, 1):
        small = [(round(size, 1), text) for size, text in text_sizes(page) if size < 8.95]
        assert small == [], f"page {number} has text under 9 pt: {small[:3]}"


def test_statuses_read_as_a_mark_and_a_whole_word_on_one_line(a, quarter_with_figures):
    text = text_of(pdf_of(a, quarter_with_figures))
    for status in ("✓ On track", "! At risk", "✕ Off track", "✓ Green", "! Amber", "✕ Red", "■ Complete"):
        assert status in text
    assert not re.search(r"\b(On|Off|At)\s*\n\s*(track|risk)\b", text)  # never "On" / "track" on two lines


def test_no_row_of_the_action_plan_table_is_split_across_pages_and_its_header_repeats(a, quarter_with_figures):
    pages = [words(page) for page in pdf_of(a, quarter_with_figures).pages]
    with_changes = [i for i, page in enumerate(pages) if "Action number" in page]
    assert len(with_changes) > 1  # the table runs over a page break: the check below has something to check
    for k in range(ACTIONS):
        assert any(_action_title(k) in page for page in pages), f"the row of action {k} is split across pages"
    assert all("Date Action Owner Status Note" in pages[i] for i in with_changes)
