"""The annual report's "How we rate ourselves" (the year's self-assessment rounds: each statement's
median, the change from the round before, the gaps and their actions) and "What people told us, and
what we changed" (feedback shown only from the small-count threshold, with no count that can be worked
out, and the "You said, we did" log), on the web page and in the PDF."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from actionplans.learning.services import feedback
from actionplans.learning.services import self_assessment as assessment
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections.base import ReportContext
from reports.annual.sections.feedback import FEEDBACK
from reports.annual.sections.self_assessment import SELF_ASSESSMENT
from reports.annual.years import year_containing
from reports.jobs.pdf import render_pdf

from .action_helpers import make_action
from .learning_helpers import make_feedback_form, make_round

pytestmark = pytest.mark.django_db


def _ctx(side, *, publication=False):
    return ReportContext(
        partnership=side.partnership,
        year=year_containing(side.partnership, timezone.localdate()),
        as_of=timezone.now(),
        for_publication=publication,
        section_keys=default_section_keys(),
    )


def _pdf_text(ctx) -> str:
    html = render_html(ctx, build_sections(ctx), template="reports/annual/pdf.html")
    reader = PdfReader(io.BytesIO(render_pdf(html).content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _rate(side, made, code, levels):
    statement = made.statements.get(code=code)
    for organisation, level in zip((side.police, side.council, side.charity), levels, strict=False):
        assessment.rating_record(actor=side.coordinator, statement=statement, organisation=organisation, level=level)


def _two_rounds(side):
    year = year_containing(side.partnership, timezone.localdate())
    last = make_round(side, title="Self-assessment last year", opens_on=year.start - dt.timedelta(days=200))
    _rate(side, last, "GOV1", [2, 2, 2])
    _rate(side, last, "DAT1", [2, 2, 3])
    assessment.round_close(actor=side.coordinator, round=last)
    this = make_round(side, title="Self-assessment this year", opens_on=year.start + dt.timedelta(days=10))
    _rate(side, this, "GOV1", [3, 4, 3])
    _rate(side, this, "DAT1", [1, 2, 2])
    return this


def test_the_report_shows_each_statements_median_the_change_and_the_gaps_with_their_actions(a):
    this = _two_rounds(a)
    gap = this.statements.get(code="DAT1")
    action = make_action(a, title="Agree one recording standard")
    gap.actions.add(action)
    make_round(a, title="Next round, being prepared", open=False, opens_on=this.opens_on + dt.timedelta(days=5))

    (shown,) = SELF_ASSESSMENT.gather(_ctx(a))["rounds"]
    rows = {row["code"]: row for goal in shown["goals"] for row in goal["rows"]}
    assert (rows["GOV1"]["median"], rows["GOV1"]["change"], rows["GOV1"]["rated"]) == (3, 1, 3)
    assert (rows["DAT1"]["median"], rows["DAT1"]["change"], rows["DAT1"]["gap"]) == (2, 0, True)
    assert shown["previous"] == "Self-assessment last year" and (shown["up"], shown["same"]) == (1, 1)

    text = _pdf_text(_ctx(a))
    assert "How we rate ourselves" in text and "Self-assessment this year" in text
    assert "Compared with Self-assessment last year: 1 statement up, 0 down, 1 unchanged." in text
    assert "3 Established" in text and "up 1" in text
    assert "Agree one recording standard" in text
    assert "Next round, being prepared" not in text and "Self-assessment last year (closed)" not in text


def test_with_no_round_this_year_the_report_says_so(a, b):
    _two_rounds(b)  # another partnership's rounds are never in a's report
    html = render_html(_ctx(a), build_sections(_ctx(a)), template="reports/annual/_body.html")
    assert "No self-assessment round was held this year." in html


def _answers(form, values, day):
    for value in values:
        feedback.answers_record(
            actor=None, form=form, answers={"su_listened": value, "su_change": "Longer hours."}, threshold=5, on=day
        )


def test_the_report_shows_feedback_only_from_the_threshold_and_never_a_count_that_can_be_worked_out(a, b):
    year = year_containing(a.partnership, timezone.localdate())
    shown = make_feedback_form(a, title="How was your support?", questions=["su_listened", "su_change"])
    _answers(shown, [5] * 6 + [4] * 5 + [2], year.start)  # 12 answers: one "Disagree"
    _answers(shown, [1] * 5, year.start - dt.timedelta(days=1))  # last year's: not counted here
    few = make_feedback_form(a, title="Training three months on", audience="training_3", questions=["tr_used"])
    for _ in range(3):
        feedback.answers_record(actor=None, form=few, answers={"tr_used": 4}, threshold=5, on=year.start)
    make_feedback_form(b, title="Southmoor survey")

    data = FEEDBACK.gather(_ctx(a))
    forms = {f["form"].title: f for f in data["forms"]}
    (listened,) = forms["How was your support?"]["questions"]  # free text never reaches the report
    assert listened.answered == 12
    cells = {o.label: o.count for o in listened.options}
    assert cells["Strongly disagree"].text == "0" and cells["Disagree"].suppressed
    assert listened.answered_cell.suppressed or listened.agree.suppressed  # else 12 − 11 gives the one away
    (used,) = forms["Training three months on"]["questions"]
    assert not used.shown and used.options == []

    text = _pdf_text(_ctx(a, publication=True))
    assert "What people told us, and what we changed" in text
    assert "Disagree <5" in text or "Disagree [c]" in text
    assert "fewer than 5 answers this year, not shown" in text
    assert "Longer hours." not in text and "Southmoor survey" not in text


def test_you_said_we_did_of_the_year_is_in_the_report_with_its_actions(a):
    year = year_containing(a.partnership, timezone.localdate())
    action = make_action(a, title="Open on Thursday evenings")
    feedback.you_said_record(
        actor=a.coordinator,
        partnership=a.partnership,
        you_said="Appointments are hard to get to after work.",
        we_did="A drop-in on Thursday evenings.",
        date=year.start,
        actions=[action],
    )
    feedback.you_said_record(
        actor=a.coordinator,
        partnership=a.partnership,
        you_said="Last year's theme.",
        we_did="Done last year.",
        date=year.start - dt.timedelta(days=3),
    )
    html = render_html(_ctx(a), build_sections(_ctx(a)), template="reports/annual/_body.html")
    assert "Appointments are hard to get to after work." in html and "A drop-in on Thursday evenings." in html
    assert "Open on Thursday evenings (" in html
    assert "Last year&#x27;s theme." not in html and "Last year's theme." not in html
