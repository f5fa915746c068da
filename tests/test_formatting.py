"""Display by unit: one function writes every figure, target and baseline (aspm.formatting), and the
pages and PDFs that showed yes/no as "1" or dropped a percentage's sign now use it."""

import io
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import reverse
from pypdf import PdfReader

from aspm.formatting import format_value
from indicators.models import PeriodKind, PeriodStatus, ReportingPeriod, Target, Unit
from reports.models import ReportVersion
from reports.returns import quarterly_pdf, services

from .returns_cast import NARRATIVE, indicator, open_period, quarter, the_return


# --------------------------------------------------------------------------- the function, unit by unit
def test_a_count_is_a_whole_number_with_thousands_separators():
    assert [format_value(v, Unit.COUNT) for v in (Decimal(1234), 7, Decimal("0.00"), Decimal("1234567.4"))] == [
        "1,234",
        "7",
        "0",
        "1,234,567",
    ]


def test_a_percentage_has_one_decimal_place_and_its_sign_and_drops_a_nought_decimal():
    assert format_value(Decimal("71.666"), Unit.PERCENTAGE) == "71.7%"
    assert format_value(Decimal("73.00"), Unit.PERCENTAGE) == "73%"
    assert format_value(Decimal("71.65"), Unit.PERCENTAGE) == "71.7%"  # half up, as a reader rounds
    assert format_value("89.2", Unit.PERCENTAGE) == "89.2%"


def test_money_has_a_pound_sign_and_pence_only_when_not_whole():
    assert format_value(Decimal(1234), Unit.MONEY) == "£1,234"
    assert format_value(Decimal("1234.50"), Unit.MONEY) == "£1,234.50"
    assert format_value(Decimal("-20.5"), Unit.MONEY) == "-£20.50"


def test_a_score_has_one_decimal_place():
    assert format_value(Decimal("3.75"), Unit.SCORE) == "3.8"
    assert format_value(4, Unit.SCORE) == "4.0"


def test_yes_no_reads_yes_or_no_from_numbers_text_and_booleans():
    assert [format_value(v, Unit.YES_NO) for v in (1, 0, Decimal("1.00"), "0", True, False)] == [
        "Yes",
        "No",
        "Yes",
        "No",
        "Yes",
        "No",
    ]


def test_text_is_shown_as_it_is_and_nothing_is_an_en_dash():
    assert format_value("A new protocol with the council", Unit.TEXT) == "A new protocol with the council"
    assert [format_value(None, unit) for unit in Unit.values] == ["–"] * len(Unit.values)


def test_decimals_override_the_units_precision():
    assert format_value(Decimal("71.666"), Unit.PERCENTAGE, decimals=2) == "71.67%"
    assert format_value(Decimal("71.666"), Unit.PERCENTAGE, decimals=0) == "72%"
    assert format_value(Decimal("3.75"), Unit.SCORE, decimals=2) == "3.75"
    assert format_value(Decimal("12.5"), Unit.COUNT, decimals=1) == "12.5"
    assert format_value(Decimal("1234.567"), Unit.MONEY, decimals=0) == "£1,235"


def test_the_template_filters_read_the_indicators_unit_and_precision():
    with_precision = SimpleNamespace(unit=Unit.PERCENTAGE, decimals=2)
    without = SimpleNamespace(unit=Unit.YES_NO)  # an indicator with no precision of its own
    html = Template(
        "{% load units %}{{ v|unit_value:p }} {{ yes|unit_value:y }} "
        '{{ v|in_unit:"percentage" }} {{ n|in_unit:"money" }}'
    ).render(Context({"v": Decimal("71.666"), "p": with_precision, "yes": 1, "y": without, "n": Decimal("2500")}))
    assert html == "71.67% Yes 71.7% £2,500"


# --------------------------------------------------------------------------- the bugs, where readers met them
def year(side, start: date = date(2026, 4, 1)) -> ReportingPeriod:
    return ReportingPeriod.objects.create(
        partnership=side.partnership,
        kind=PeriodKind.YEAR,
        start=start,
        end=date(start.year + 1, 3, 31),
        label=f"{start.year}/{str(start.year + 1)[-2:]}",
        status=PeriodStatus.OPEN,
    )


@pytest.fixture
def approved_quarter(a):
    """Northvale's 2026/27 Q1: the police answered yes to a yes/no indicator and 71.67% to a
    percentage one (target 80%), and the coordinator approved the return."""
    protocol = indicator(a, "PU-9", unit=Unit.YES_NO, reporters=[a.police], name="Joint protocol in place")
    share = indicator(a, "PU-8", unit=Unit.PERCENTAGE, reporters=[a.police], name="Referrals within 48 hours")
    year(a)
    period = quarter(a)
    Target.objects.create(partnership=a.partnership, indicator=share, period=period, value=80)
    open_period(a, period)
    police = the_return(a, a.police, period)
    services.return_save_draft(
        actor=a.spoc_police,
        return_=police,
        narrative=NARRATIVE,
        figures={protocol.pk: {"value": "1"}, share.pk: {"value": "71.67"}},
    )
    services.return_submit(actor=a.spoc_police, return_=police)
    police.refresh_from_db()
    services.return_approve(actor=a.coordinator, return_=police, version=police.version)
    return SimpleNamespace(period=period, police=police, protocol=protocol, share=share)


@pytest.mark.django_db
def test_the_quarterly_pdf_shows_yes_and_a_percentage_with_its_sign(
    a, approved_quarter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = quarterly_pdf.quarterly_job_start(actor=a.coordinator, period=approved_quarter.period)
    version = ReportVersion.objects.get(job=job)
    with version.file.open("rb") as handle:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Yes" in text and "71.7%" in text and "80%" in text


@pytest.mark.django_db
def test_the_quarterly_report_page_shows_yes_and_the_percentage_sign(a, approved_quarter, login):
    page = login(a.board).get(
        reverse("reports:quarterly_report", kwargs={"slug": a.slug, "period_pk": approved_quarter.period.pk})
    )
    html = page.content.decode()
    assert "71.7%" in html and "80%" in html and ">Yes<" in html


@pytest.mark.django_db
def test_the_return_review_page_shows_the_percentage_with_its_sign_and_yes_in_words(a, approved_quarter, login):
    page = login(a.coordinator).get(
        reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": approved_quarter.police.pk})
    )
    html = page.content.decode()
    assert "71.67%" not in html  # the reviewer reads it as every page writes it
    assert ">71.7%<" in html and ">Yes<" in html


@pytest.mark.django_db
def test_the_return_forms_last_quarter_hint_shows_the_unit(a, approved_quarter, login):
    next_quarter = quarter(a, date(2026, 7, 1))
    open_period(a, next_quarter)
    draft = the_return(a, a.police, next_quarter)
    from reports.returns import selectors, tasklist

    client = login(a.spoc_police)
    html = "".join(  # the figures are on the return's sections by strand
        client.get(
            reverse("reports:return_section", kwargs={"slug": a.slug, "pk": draft.pk, "section": section.slug})
        ).content.decode()
        for section in tasklist.sections(selectors.return_page(draft))
        if section.kind == "figures"
    )
    assert "last quarter: 71.7%" in html and "last quarter: Yes" in html
