"""Two publications made at different times must not be combinable: what one printed, the next one
respects (the disclosure ledger). Each attack is checked the way a reader would make it, with every
output of the year in hand, by the independent solver (``tests.disclosure_checks``)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aspm.disclosure.policy import SECONDARY_MARK, Policy
from indicators.models import Indicator
from reports import disclosure_ledger
from reports.annual.sections.base import ReportContext
from reports.annual.sections.results import INDICATORS
from reports.models import PublishedFigure
from reports.published_figures import published_dataset_record
from reports.returns.quarterly import quarterly_report
from reports.services import ledger

from .annual_plan import load_plan
from .disclosure_capture import exposed_across
from .disclosure_checks import domain, ranges_within
from .test_annual_content import quarters, record, this_year

pytestmark = pytest.mark.django_db
POLICY = Policy()  # hide 1–4, the partnership's default


@pytest.fixture
def referrals(a):
    load_plan(a.partnership, this_year(a).start, objectives=1)
    return Indicator.objects.get(partnership=a.partnership, code="OBJ1-01")


def at(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def quarterly_publication(a, referrals, n) -> str:
    """The quarterly report for publication of quarter ``n``, as its job makes it: what it prints of
    the indicator, recorded in the ledger."""
    with disclosure_ledger.collecting() as printed:
        report = quarterly_report(a.partnership, quarters(a)[n - 1], for_publication=True)
        ledger.ledger_record(partnership=a.partnership, printed=list(printed), output=f"Q{n} report")
    (cell,) = [c for part in report.strands for ind, c in part.figures if ind == referrals]
    return cell.published


def annual_publication(a, referrals, *, as_of) -> dict[str, str]:
    """The annual report's results for publication at ``as_of``: each quarter's and the year's text."""
    ctx = ReportContext(partnership=a.partnership, year=this_year(a), as_of=as_of, for_publication=True)
    with disclosure_ledger.collecting() as printed:
        data = INDICATORS.gather(ctx)
        ledger.ledger_record(partnership=a.partnership, printed=list(printed), output="annual report")
    (item,) = [i for _s, items in data["groups"] for i in items if i["indicator"] == referrals]
    texts = {f"q{n}": text for n, (_label, text, _target) in enumerate(item["by_quarter"], start=1)}
    return texts | {"year": item["year_actual"]}


def spreadsheet_publication(a, referrals, *, as_of) -> dict[str, str]:
    """The figures spreadsheet for publication at ``as_of``: each quarter so far and the year to date."""
    dataset = published_dataset_record(actor=a.coordinator, partnership=a.partnership, as_of=as_of)
    year = this_year(a).label
    texts = {}
    for row in dataset:
        if row[0] == referrals.code and not row[4]:
            period = row[3]
            texts["year" if period == year else "q" + period.rsplit("Q", 1)[1]] = str(row[5])
    return texts


NAMES = ["q1", "q2", "q3", "q4", "year", "ytd2"]
RELATIONS = [(4, (0, 1, 2, 3)), (5, (0, 1))]  # the year is its quarters; the year to date at Q2 is Q1 + Q2


def reader_ranges(true_values: dict[str, int], *outputs: dict[str, str]):
    """What a reader holding every output knows of each figure any of them hid: {name: (min, max)}.
    Each output's text of a figure gives its possible values; the reader intersects them."""
    cap = sum(true_values[n] for n in ("q1", "q2", "q3", "q4")) + 5
    domains = [set(range(cap + 1)) for _ in NAMES]
    hidden = set()
    for output in outputs:
        for name, text in output.items():
            i = NAMES.index(name)
            if text in ("<5", SECONDARY_MARK):
                hidden.add(i)
                state = "small" if text == "<5" else "secondary"
                domains[i] &= set(domain(0, state, hide_below=5, rounding=None, cap=cap))
            else:
                domains[i] &= {int(text.replace(",", ""))}
    ranges = ranges_within(domains, RELATIONS, sorted(hidden))
    return {NAMES[i]: r for i, r in ranges.items()}


def narrowed(ranges) -> dict:
    return {name: (lo, hi) for name, (lo, hi) in ranges.items() if hi - lo + 1 < POLICY.protection_width}


def test_a_quarter_a_quarterly_publication_printed_is_never_what_the_annual_report_hides_to_protect_another(
    a, referrals
):
    """Q3's report printed 6. At year end Q4 is 2: hiding Q3 (the smallest other count) would protect Q4
    in the annual report alone, but a reader with Q3's report would take 6 from the year's gap of 8."""
    q1, q2, q3, q4 = quarters(a)
    for period, value in ((q1, 9), (q2, 10), (q3, 6), (q4, 2)):
        record(a, referrals, period, a.police, value)
    outputs = [{f"q{n}": quarterly_publication(a, referrals, n)} for n in (1, 2, 3)]
    assert [o[f"q{n}"] for n, o in enumerate(outputs, start=1)] == ["9", "10", "6"]

    annual = annual_publication(a, referrals, as_of=at(this_year(a).end + timedelta(days=20)))

    assert annual["q4"] == "<5"
    assert (annual["q1"], annual["q2"], annual["q3"]) == ("9", "10", "6")  # printed before: shown as before
    assert annual["year"] == SECONDARY_MARK
    truth = {"q1": 9, "q2": 10, "q3": 6, "q4": 2}
    assert not narrowed(reader_ranges(truth, *outputs, annual))


def test_without_the_ledger_the_same_annual_report_would_give_the_count_away(a, referrals):
    """The attack above is real: the annual report made without knowing what Q3's report printed
    hides Q3, and together they pin Q4."""
    q1, q2, q3, q4 = quarters(a)
    for period, value in ((q1, 9), (q2, 10), (q3, 6), (q4, 2)):
        record(a, referrals, period, a.police, value)
    q3_report = {"q3": quarterly_publication(a, referrals, 3)}
    PublishedFigure.objects.all().delete()  # as if the ledger did not exist

    annual = annual_publication(a, referrals, as_of=at(this_year(a).end + timedelta(days=20)))

    assert annual["q3"] == SECONDARY_MARK
    exposed = narrowed(reader_ranges({"q1": 9, "q2": 10, "q3": 6, "q4": 2}, q3_report, annual))
    assert exposed == {"q3": (6, 6), "q4": (2, 2)}


def test_a_year_to_date_printed_in_the_year_keeps_the_annual_report_from_showing_what_it_hid(a, referrals):
    """At Q2 the spreadsheet printed Q1 "<5", Q2 "[c]" and the year to date 11. At year end, the annual
    report alone would hide Q4 and show Q2 = 8: with the spreadsheet, Q1 = 11 - 8 = 3."""
    q1, q2, q3, q4 = quarters(a)
    for period, value in ((q1, 3), (q2, 8), (q3, 9), (q4, 7)):
        record(a, referrals, period, a.police, value)
    in_year = spreadsheet_publication(a, referrals, as_of=at(q2.end))
    assert in_year == {"q1": "<5", "q2": SECONDARY_MARK, "year": "11"}

    annual = annual_publication(a, referrals, as_of=at(this_year(a).end + timedelta(days=20)))

    assert annual["q1"] == "<5" and annual["q2"] == SECONDARY_MARK
    truth = {"q1": 3, "q2": 8, "q3": 9, "q4": 7}
    spreadsheet = {("ytd2" if k == "year" else k): v for k, v in in_year.items()}
    assert not narrowed(reader_ranges(truth, spreadsheet, annual))


def test_the_same_spreadsheet_made_twice_prints_the_same_and_records_each_figure_once(a, referrals, login):
    q1, q2, *_ = quarters(a)
    for period, value in ((q1, 3), (q2, 8)):
        record(a, referrals, period, a.police, value)
    url = reverse("indicators:export_figures", kwargs={"slug": a.slug})
    first = login(a.board).post(url, {"for": "publication", "format": "csv"}).content
    rows = PublishedFigure.objects.filter(indicator=referrals).count()
    second = login(a.board).post(url, {"for": "publication", "format": "csv"}).content
    assert first.split(b"\n")[1:] == second.split(b"\n")[1:]  # the first line carries the time
    assert PublishedFigure.objects.filter(indicator=referrals).count() == rows > 0
    assert {f.key for f in PublishedFigure.objects.filter(indicator=referrals)} >= {"q1", "q2", "sum:1,2"}
    assert not PublishedFigure.objects.filter(indicator=referrals, key="q1").get().high > 4  # told: "<5"


def test_a_count_revised_since_it_was_printed_is_not_held_to_what_was_printed(a, referrals):
    """A quarter corrected after its report was published is another figure: the old print tells
    nothing sure about it, and the audit must not treat it as known (nor fail)."""
    q1, q2, q3, q4 = quarters(a)
    for period, value in ((q1, 9), (q2, 10), (q3, 6), (q4, 2)):
        record(a, referrals, period, a.police, value)
    quarterly_publication(a, referrals, 3)
    record(a, referrals, q3, a.charity, 1)  # Q3 is now 7

    annual = annual_publication(a, referrals, as_of=at(this_year(a).end + timedelta(days=20)))

    assert annual["q4"] == "<5"
    assert annual["q3"] == SECONDARY_MARK  # free to be the complement again: 7 was never printed
    assert PublishedFigure.objects.filter(indicator=referrals, key="q3").count() == 2  # 6 then [c] over 7


def test_taking_figures_out_is_recorded_in_the_audit_log_with_who_did_it(a, referrals, login):
    from partnerships.models import AuditEvent

    record(a, referrals, quarters(a)[0], a.police, 3)
    url = reverse("indicators:export_figures", kwargs={"slug": a.slug})
    login(a.board).post(url, {"for": "publication", "format": "csv"})
    event = AuditEvent.objects.get(partnership=a.partnership, action="publishedfigure.record")
    assert event.actor == a.board
    assert "figures spreadsheet for publication" in event.object_repr


def _told(key, value, text=None):
    hidden = text is not None and not text.isdigit()
    return disclosure_ledger.Printed(1, this_year_start, key, value, 0, None, hidden, text or str(value))


this_year_start = datetime(2026, 4, 1).date()


def test_the_readers_check_relates_a_cross_tabs_cells_to_the_groups_printed_in_another_output():
    """A spreadsheet printed the split by nationality and by sex; the annual report hid two small
    cells of the nationality by sex table. With both in hand, British women are 12 - 9 = 3: the
    check must say so (it used to leave a cross-tab's cells out)."""
    spreadsheet = [
        _told("q1", 20), _told("sum:1", 20),
        _told("split:nationality:british@sum:1", 12), _told("split:nationality:albanian@sum:1", 8),
        _told("split:sex:female@sum:1", 5), _told("split:sex:male@sum:1", 15),
    ]  # fmt: skip
    report = [
        _told("split:nationality*sex:british*female@sum:1", 3, "<5"),
        _told("split:nationality*sex:british*male@sum:1", 9),
        _told("split:nationality*sex:albanian*female@sum:1", 2, "<5"),
        _told("split:nationality*sex:albanian*male@sum:1", 6),
    ]
    exposed = {key: found for _indicator, key, found in exposed_across([spreadsheet, report], POLICY)}
    assert exposed == {
        "split:nationality*sex:british*female@sum:1": (3, 3),
        "split:nationality*sex:albanian*female@sum:1": (2, 2),
    }
    report[1] = _told("split:nationality*sex:british*male@sum:1", 9, SECONDARY_MARK)
    report[3] = _told("split:nationality*sex:albanian*male@sum:1", 6, SECONDARY_MARK)
    # Hiding each small cell's partner in its row too: British women can be anything from 1 to 4 again
    assert exposed_across([spreadsheet, report], POLICY) == []
