"""The return as a task list: each section's status, a section's page saving only its own boxes,
errors shown on the box that needs the fix, and "Check your answers" linking each problem to it.
Also the GOV.UK error summary on an ordinary form of the site."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans.services import action_create
from reports.models import Return, ReturnStatus
from reports.returns import selectors, services, tasklist

from . import measurement_helpers as m
from . import rules_helpers as r
from .returns_cast import NARRATIVE, indicator, police_return, quarter, section_url

pytestmark = pytest.mark.django_db


def _statuses(return_) -> dict:
    loaded = selectors.return_page(return_)
    return {s.slug: s.status for s in tasklist.sections(loaded, services.submit_problems(loaded))}


def _summary(html: str) -> str:
    return html.split("data-error-summary", 1)[1].split("</div>", 1)[0]


def _action(a):
    return action_create(
        actor=a.coordinator,
        partnership=a.partnership,
        title="Visit every hand car wash with HMRC",
        owner_organisation=a.police,
        due_date=date(2026, 9, 30),
    )


def test_each_section_says_whether_it_is_not_started_in_progress_or_completed(a):
    first, second = indicator(a, "IND-1", reporters=[a.police]), indicator(a, "IND-2", reporters=[a.police])
    return_ = police_return(a)
    assert _statuses(return_) == {"figures-other": "not_started", "narrative": "not_started", "evidence": "not_started"}
    services.return_save_draft(actor=a.spoc_police, return_=return_, figures={first.pk: {"value": "3"}})
    assert _statuses(return_)["figures-other"] == "in_progress"
    services.return_save_draft(
        actor=a.spoc_police, return_=return_, figures={second.pk: {"value": "", "comment": "Not collected yet."}}
    )
    services.return_save_draft(actor=a.spoc_police, return_=return_, narrative=NARRATIVE)
    assert _statuses(return_) == {"figures-other": "completed", "narrative": "completed", "evidence": "not_started"}


def test_figures_that_break_a_must_hold_rule_put_their_section_in_errors(a):
    r.convicted_rule(a)
    r.convictions(a), r.convicted(a)
    return_ = services.return_prepare(return_=Return.objects.get(organisation=a.police, period=m.periods(a)["q1"]))
    figures = {r.convicted(a).pk: {"value": "41"}, r.convictions(a).pk: {"value": "8"}}
    services.return_save_draft(actor=a.spoc_police, return_=return_, figures=figures)
    assert "has_errors" in _statuses(return_).values()


def test_a_section_page_saves_its_own_boxes_and_leaves_the_other_sections_alone(a, login):
    ours = indicator(a, "IND-1", reporters=[a.police])
    return_ = police_return(a)
    services.return_save_draft(actor=a.spoc_police, return_=return_, narrative=NARRATIVE)
    response = login(a.spoc_police).post(section_url(a, return_), {f"f{ours.pk}-value": "12", "save": ""})
    assert response.status_code == 302
    return_.refresh_from_db()
    assert return_.progress == NARRATIVE["progress"] and return_.figures.get().value == 12


def test_red_without_a_note_marks_the_note_not_the_status(a, login):
    action = _action(a)
    return_ = police_return(a)
    post = {f"a{action.pk}-status": "red", f"a{action.pk}-note": "", "save": ""}
    response = login(a.spoc_police).post(section_url(a, return_, "actions"), post)
    html = response.content.decode()
    assert response.status_code == 422 and "<title>Error: " in html
    assert f'href="#a{action.pk}-note"' in _summary(html) and "Say why the action is Red" in _summary(html)
    note = html.split(f'id="a{action.pk}-note"', 1)[1].split(">", 1)[0]
    status = html.split(f'id="a{action.pk}-status"', 1)[1].split(">", 1)[0]
    assert 'aria-invalid="true"' in note and "aria-invalid" not in status


def test_submitting_from_check_your_answers_with_gaps_links_each_to_its_box_and_submits_nothing(a, login):
    ours = indicator(a, "IND-1", reporters=[a.police])
    return_ = police_return(a)
    url = reverse("reports:return_check", kwargs={"slug": a.slug, "pk": return_.pk})
    response = login(a.spoc_police).post(url)
    summary = _summary(response.content.decode())
    narrative, figures = section_url(a, return_, "narrative"), section_url(a, return_)
    assert response.status_code == 422
    assert summary.count("<a ") == 5  # the four Ps and the figure
    assert f'href="{narrative}#id_progress"' in summary and f'href="{figures}#f{ours.pk}-value"' in summary
    assert Return.objects.get(pk=return_.pk).status != ReturnStatus.SUBMITTED


def test_a_complete_return_is_submitted_from_check_your_answers(a, login):
    ours = indicator(a, "IND-1", reporters=[a.police])
    return_ = police_return(a)
    services.return_save_draft(
        actor=a.spoc_police, return_=return_, narrative=NARRATIVE, figures={ours.pk: {"value": "4"}}
    )
    url = reverse("reports:return_check", kwargs={"slug": a.slug, "pk": return_.pk})
    client = login(a.spoc_police)
    assert "Submit the return" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.SUBMITTED


def test_check_your_answers_shows_the_status_proposed_for_an_action_beside_its_note(a, login):
    action = _action(a)
    return_ = police_return(a)
    post = {f"a{action.pk}-status": "red", f"a{action.pk}-note": "Waiting for HMRC's dates", "save": ""}
    assert login(a.spoc_police).post(section_url(a, return_, "actions"), post).status_code == 302
    url = reverse("reports:return_check", kwargs={"slug": a.slug, "pk": return_.pk})
    html = login(a.spoc_police).get(url).content.decode()
    row = html.split("Visit every hand car wash with HMRC", 1)[1].split("</div>", 1)[0]
    assert "Proposed: " in row and ">Red</span>" in row and "Waiting for HMRC" in row


def test_a_long_list_of_actions_is_grouped_by_strand_with_links_to_each_group(a, login):
    from indicators.models import Strand

    pursue, protect = (Strand.objects.get(partnership=a.partnership, code=c) for c in ("pursue", "protect"))
    for n in range(14):
        action_create(
            actor=a.coordinator,
            partnership=a.partnership,
            title=f"Joint visit {n + 1:02d}",
            owner_organisation=a.police,
            due_date=date(2026, 9, 30) + timedelta(days=n),
            strand=protect if n % 2 else pursue,
        )
    html = login(a.spoc_police).get(section_url(a, police_return(a), "actions")).content.decode()
    assert 'href="#actions-pursue">Pursue (7)</a>' in html and 'href="#actions-protect">Protect (7)</a>' in html
    pursue_part = html.split('id="actions-pursue"', 1)[1].split('id="actions-protect"', 1)[0]
    assert "Joint visit 01" in pursue_part and "Joint visit 02" not in pursue_part
    assert pursue_part.index("Joint visit 01") < pursue_part.index("Joint visit 03")  # due-date order kept


def test_a_few_actions_are_listed_without_strand_headings(a, login):
    _action(a)
    html = login(a.spoc_police).get(section_url(a, police_return(a), "actions")).content.decode()
    assert "Actions by strand" not in html and "Visit every hand car wash with HMRC" in html


def _pages_queries(a, login, return_) -> dict:
    client = login(a.spoc_police)
    urls = {
        "task list": reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk}),
        "check": reverse("reports:return_check", kwargs={"slug": a.slug, "pk": return_.pk}),
        "actions": section_url(a, return_, "actions"),
    }
    counts = {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[name] = len(queries.captured_queries)
    return counts


def test_the_task_list_check_your_answers_and_a_section_take_the_same_queries_for_3_or_30_rows(a, login):
    return_ = police_return(a)
    for i in range(3):
        indicator(a, f"S-{i}", reporters=[a.police])
        _action(a)
    services.return_prepare(return_=return_)
    small = _pages_queries(a, login, return_)
    for i in range(27):
        indicator(a, f"L-{i}", reporters=[a.police], disaggregation=["age_group"] if i % 2 else [])
        action_create(
            actor=a.coordinator,
            partnership=a.partnership,
            title=f"Action {i}",
            owner_organisation=a.police,
            due_date=date(2026, 9, 30) + timedelta(days=i),
        )
    services.return_prepare(return_=return_)
    assert _pages_queries(a, login, return_) == small


def test_an_ordinary_form_gets_the_error_summary_with_a_link_to_its_box(a, login):
    period = quarter(a)
    url = reverse("reports:return_deadline", kwargs={"slug": a.slug, "period_pk": period.pk})
    response = login(a.coordinator).post(url, {"due_date": "2026-06-01"})
    html = response.content.decode()
    assert "<title>Error: " in html and "There is a problem" in html
    assert 'href="#id_due_date"' in _summary(html)
    assert "<title>Error: " not in login(a.coordinator).get(url).content.decode()
