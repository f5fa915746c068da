"""The publication version of the annual report goes through the disclosure engine: an indicator's
quarters, year and breakdowns are protected together; the rules are printed; nothing person-level."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from aspm.disclosure import policy as rules
from indicators.models import Indicator
from partnerships import services
from partnerships.models import SubGroup
from reports.annual.registry import default_section_keys
from reports.annual.render import build_sections, render_html
from reports.annual.sections import plan, results
from reports.annual.sections.base import ReportContext
from reports.models import ReportJobStatus

from .annual_plan import load_plan
from .disclosure_checks import SECONDARY, SHOWN, SMALL, reader_ranges
from .test_annual_content import quarters, record, this_year

pytestmark = pytest.mark.django_db


def _context(side, *, publication=True):
    return ReportContext(
        partnership=side.partnership,
        year=this_year(side),
        as_of=timezone.now(),
        for_publication=publication,
        section_keys=default_section_keys(),
    )


def _indicator(side):
    load_plan(side.partnership, this_year(side).start, objectives=1)
    return Indicator.objects.get(partnership=side.partnership, code="OBJ1-01")


def _item(side, *, publication=True):
    data = results.INDICATORS.gather(_context(side, publication=publication))
    return next(i for _s, items in data["groups"] for i in items if i["indicator"].code == "OBJ1-01"), data


def _state(text: str) -> str:
    if text == "[c]":
        return SECONDARY
    return SMALL if text.startswith("<") or text == "*" else SHOWN


def test_three_quarters_of_four_beside_a_year_of_twelve_cannot_be_worked_out_from_the_published_report(a):
    indicator = _indicator(a)
    for quarter in quarters(a)[:3]:
        record(a, indicator, quarter, a.police, 4)

    item, _ = _item(a)

    texts = [actual for _label, actual, _target in item["by_quarter"]][:3]
    assert item["year_actual"] == "12"
    # What a reader sees: three quarters and the year (Q4 has no figure). Every hidden one keeps 1 to 4.
    states = [_state(t) for t in texts] + [SHOWN]
    ranges = reader_ranges([4, 4, 4, 12], [(3, (0, 1, 2))], states, hide_below=5)
    assert ranges and all(hi - lo + 1 >= 4 for lo, hi in ranges.values()), (texts, ranges)


def test_a_split_hidden_in_the_breakdown_cannot_be_worked_out_from_the_quarters_and_the_year(a):
    # Q1 10 split female 4 and male 4, Q2 8 and Q3 7 not split: not split 15, year 25 — so a reader who
    # sees the year, the "not split" count and two "<5" gets 4 and 4 back unless more is withheld.
    indicator = _indicator(a)
    q1, q2, q3 = quarters(a)[:3]
    record(a, indicator, q1, a.police, 10, {"sex": {"female": 4, "male": 4, "unknown": 2}})
    record(a, indicator, q2, a.police, 8)
    record(a, indicator, q3, a.police, 7)

    item, data = _item(a)

    sex = next(b for b in data["breakdowns"] if b["key"] == "sex")
    _indicator_row, cells, total = next(r for r in sex["rows"] if r[0].code == "OBJ1-01")
    shown = {column: cell.text for column, cell in zip(sex["columns"], cells, strict=True)}
    # The reader's system: the three quarters make the year; female + male + unknown + not split make it too.
    values = [10, 8, 7, 25, 4, 4, 2, 15]
    texts = [a_ for _l, a_, _t in item["by_quarter"]][:3] + [item["year_actual"]]
    texts += [shown["Female"], shown["Male"], shown["Unknown"], shown["Not split"]]
    states = [_state(t) for t in texts]
    assert total.text == item["year_actual"]  # one year figure, the same in both tables
    ranges = reader_ranges(values, [(3, (0, 1, 2)), (3, (4, 5, 6, 7))], states, hide_below=5)
    assert all(hi - lo + 1 >= 4 for lo, hi in ranges.values()), (texts, ranges)


def test_the_internal_report_keeps_every_count_exact(a):
    indicator = _indicator(a)
    for quarter in quarters(a)[:3]:
        record(a, indicator, quarter, a.police, 4)

    item, _ = _item(a, publication=False)

    assert [actual for _l, actual, _t in item["by_quarter"]][:3] == ["4", "4", "4"]


def test_a_partnership_on_the_nhs_method_publishes_counts_rounded_to_five_and_hides_one_to_seven(a):
    services.disclosure_policy_update(
        actor=a.coordinator, partnership=a.partnership, method=rules.NHS, threshold=5, reason="Match NHS partners"
    )
    indicator = _indicator(a)
    q1, q2 = quarters(a)[:2]
    record(a, indicator, q1, a.police, 12)
    record(a, indicator, q2, a.police, 31)

    item, _ = _item(a)

    assert [actual for _l, actual, _t in item["by_quarter"]][:2] == ["10", "30"]
    assert item["year_actual"] == "45"  # the true 43 rounded, not 10 + 30


def test_the_publication_version_prints_the_rules_and_leaves_out_member_counts_and_names(a):
    services.disclosure_policy_update(
        actor=a.coordinator, partnership=a.partnership, method=rules.THRESHOLD, threshold=7, reason="Board"
    )
    SubGroup.objects.create(partnership=a.partnership, name="Pursue group", chair=a.memberships["spoc_police"])
    ctx = _context(a)
    html = render_html(ctx, build_sections(ctx), template="reports/annual/pdf.html")
    assert "counts from 1 to 6 are shown as “&lt;7” (threshold 7)" in html
    assert "People with a role" not in html
    assert a.spoc_police.full_name not in html
    assert "A member from Northvale Police" in html

    internal = plan.PARTNERSHIP.gather(_context(a, publication=False))
    assert internal["roles"] and internal["names_people"]


def test_the_web_version_of_a_publication_prints_the_rules_too(a, login):
    from django.urls import reverse

    from .access_registry.reports import make_job

    job = make_job(a, status=ReportJobStatus.QUEUED)
    job.sections, job.for_publication = default_section_keys(), True
    job.save(update_fields=["sections", "for_publication"])
    html = login(a.board).get(reverse("reports:annual_job_web", kwargs={"slug": a.slug, "pk": job.pk})).content
    assert "Disclosure control: counts from 1 to 4 are shown as “&lt;5” (threshold 5)" in html.decode()


@pytest.mark.parametrize("when", [dt.date(2026, 9, 1)])
def test_changing_the_rules_does_not_touch_what_is_already_published(a, when):
    """Policies are read when a version is made; a version's PDF is stored and never re-rendered."""
    from reports.models import ReportVersion

    before = ReportVersion.objects.count()
    services.disclosure_policy_update(
        actor=a.coordinator, partnership=a.partnership, method=rules.NHS, threshold=5, reason="x", today=when
    )
    assert ReportVersion.objects.count() == before


def test_a_narrative_returned_for_changes_is_left_out_of_every_version(a):
    from reports.annual.sections import delivery
    from reports.models import Return, ReturnStatus

    _indicator(a)  # the plan and the year's quarters
    q1, q2 = quarters(a)[:2]
    for organisation, period, status, words in (
        (a.police, q1, ReturnStatus.APPROVED, "Ran joint visits with licensing."),
        (a.charity, q2, ReturnStatus.RETURNED, "Two people from a nail bar were helped."),
    ):
        Return.objects.create(
            partnership=a.partnership,
            organisation=organisation,
            period=period,
            status=status,
            due_date=period.end,
            key_achievements=words,
        )

    def words(publication):
        data = delivery.PARTNERS.gather(_context(a, publication=publication)) or {}
        return str(data["items"])

    # a return sent back is not yet the partner's word, inside the partnership or out of it
    assert "nail bar" not in words(False) and "joint visits" in words(False)
    assert "nail bar" not in words(True) and "joint visits" in words(True)


def test_a_hidden_years_count_has_no_status_beside_its_target_and_the_status_table_counts_it_apart(a):
    indicator = _indicator(a)
    record(a, indicator, quarters(a)[0], a.police, 4)  # the year so far: 4, hidden as "<5"

    item, data = _item(a)
    assert item["year_actual"] == "<5"
    assert (item["status"], item["status_label"]) == (results.WITHHELD, "Not shown (small count)")
    assert ("Not shown (small count)", results.WITHHELD, 1) in data["status_counts"]
    internal, internal_data = _item(a, publication=False)
    assert internal["year_actual"] == "4" and internal["status"] != results.WITHHELD
    assert all(code != results.WITHHELD for _label, code, _n in internal_data["status_counts"])
