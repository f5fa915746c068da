"""Spend against budget, worked by hand. The agreement budgets £24,000 for staff and £12,000 for
safe beds in 2026/27: £2,000 and £1,000 a month. The funder's tolerance is 10%."""

import re
from datetime import date
from decimal import Decimal as D

import pytest

from reports.monitoring.spend import OVER, UNDER, agreement_spend, split_evenly
from reports.monitoring.table import spend_rows_html
from reports.returns import services as returns

from . import monitoring_cast as mc

pytestmark = pytest.mark.django_db

APRIL, MAY, JUNE, JULY = date(2026, 4, 1), date(2026, 5, 1), date(2026, 6, 1), date(2026, 7, 1)


def _lines(year):
    return {row.line.category: row for row in year.lines}


def test_an_uneven_budget_is_spread_to_the_penny_and_adds_up():
    assert split_evenly(D("1000"), 3) == [D("333.33"), D("333.33"), D("333.34")]
    assert sum(split_evenly(D("24000"), 12)) == D("24000")


def test_three_approved_months_give_variance_year_to_date_forecast_and_flags_worked_by_hand(a):
    agreement = mc.monthly_agreement(a)
    mc.approved_report(a, agreement, APRIL, "1800", "1000")
    mc.approved_report(a, agreement, MAY, "2100", "700")
    mc.approved_report(a, agreement, JUNE, "1500", "500")
    mc.submitted_report(a, mc.report(a, agreement, JULY), "9000", "9000")  # not approved: not counted

    year = agreement_spend(agreement).year(APRIL)
    staff, beds = _lines(year)["staff"], _lines(year)["accommodation"]
    assert year.reported_through.label == "June 2026" and len(year.slots) == 12
    # Staff: budget 3 × £2,000 = £6,000; spent 1,800 + 2,100 + 1,500 = £5,400; variance -£600 = -10%,
    # exactly the tolerance, so not flagged; forecast 5,400 ÷ 3 × 12 = £21,600.
    assert (staff.to_date_budget, staff.to_date_spent, staff.variance) == (D("6000"), D("5400"), D("-600"))
    assert staff.variance_percent == D("-10.00") and staff.flag == ""
    assert staff.forecast == D("21600.00") and staff.forecast_variance == D("-2400.00")
    assert [p.variance for p in staff.periods[:4]] == [D("-200"), D("100"), D("-500"), None]
    # Beds: budget £3,000; spent 1,000 + 700 + 500 = £2,200; variance -£800 = -26.67%: an underspend;
    # forecast 2,200 ÷ 3 × 12 = £8,800.
    assert (beds.to_date_spent, beds.variance, beds.variance_percent) == (D("2200"), D("-800"), D("-26.67"))
    assert beds.flag == UNDER and beds.flag_label == "Underspend" and beds.forecast == D("8800.00")
    # Together: £9,000 budgeted, £7,600 spent, -£1,400 = -15.56%, flagged; forecast £30,400.
    total = year.total
    assert (total.to_date_budget, total.to_date_spent, total.variance) == (D("9000"), D("7600"), D("-1400"))
    assert total.variance_percent == D("-15.56") and total.flag == UNDER and total.forecast == D("30400.00")
    assert total.periods[0].spent == D("2800") and total.periods[3].spent is None


def test_spending_more_than_the_tolerance_above_budget_is_an_overspend(a):
    agreement = mc.monthly_agreement(a, tolerance=5)
    mc.approved_report(a, agreement, APRIL, "2101", "1050")  # staff +5.05%, beds +5% exactly
    staff, beds = (
        _lines(agreement_spend(agreement).year(APRIL))["staff"],
        _lines(agreement_spend(agreement).year(APRIL))["accommodation"],
    )
    assert staff.flag == OVER and staff.flag_label == "Overspend"
    assert beds.flag == "" and beds.variance == D("50")


def test_before_any_approved_report_nothing_is_spent_forecast_or_flagged(a):
    agreement = mc.monthly_agreement(a)
    mc.report(a, agreement)
    year = agreement_spend(agreement).year(APRIL)
    assert year.reported_through is None and year.total.forecast is None and year.total.flag == ""
    assert year.total.year_budget == D("36000")


def test_a_month_with_a_report_from_one_provider_only_counts_what_was_approved(a):
    agreement = mc.monthly_agreement(a, providers=[a.charity, a.police])
    mc.approved_report(a, agreement, APRIL, "1000", "500")
    police = mc.report(a, agreement, APRIL, organisation=a.police)
    returns.return_save_draft(actor=a.spoc_police, return_=police, money=mc.money(police, "1000", "500"))
    year = agreement_spend(agreement).year(APRIL)
    assert year.total.to_date_spent == D("1500")  # the police draft is not counted


def test_spend_is_read_in_a_fixed_number_of_queries(a, django_assert_num_queries):
    agreement = mc.monthly_agreement(a)
    mc.approved_report(a, agreement, APRIL, "1800", "1000")
    with django_assert_num_queries(2):  # the budget lines, the spend
        agreement_spend(agreement)
    mc.approved_report(a, agreement, MAY, "2100", "700")
    mc.approved_report(a, agreement, JUNE, "1500", "500")
    with django_assert_num_queries(2):
        agreement_spend(agreement)


def test_the_agreement_pages_spend_table_prints_the_rows_worked_by_hand(a):
    agreement = mc.monthly_agreement(a)
    mc.approved_report(a, agreement, APRIL, "1800", "1000")
    mc.approved_report(a, agreement, MAY, "2100", "700")
    mc.approved_report(a, agreement, JUNE, "1500", "500")
    body, foot = spend_rows_html(agreement_spend(agreement).year(APRIL))
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", re.sub(r"<span[^>]*>|</span>", "", body + foot))
    # kind of cost, budget for the year, to date, spent, variance (%), forecast, flag
    assert cells == [
        "Accommodation", "£12,000", "£3,000", "£2,200", "-£800 (-26.7%)", "£8,800", "Underspend",
        "Staff", "£24,000", "£6,000", "£5,400", "-£600 (-10.0%)", "£21,600", "Within tolerance",
        "Total", "£36,000", "£9,000", "£7,600", "-£1,400 (-15.6%)", "£30,400", "Underspend",
    ]  # fmt: skip
    assert body.count('class="spend-flagged"') == 1 and 'class="spend-flagged"' in foot


def test_a_rise_above_budget_is_printed_with_its_sign(a):
    agreement = mc.monthly_agreement(a, tolerance=5)
    mc.approved_report(a, agreement, APRIL, "2101", "1050")
    body, _foot = spend_rows_html(agreement_spend(agreement).year(APRIL))
    assert "+£101 <span" in body and "(+5.1%)" in body and "Overspend" in body
