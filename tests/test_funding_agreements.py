"""Funding agreements: the coordinator records what a funder pays a provider for, with the budget by
year and the plan's outcomes and indicators that measure it; members read it; bad input is refused
in plain words and saves nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.measurement import services as measurement
from indicators.models import BudgetLine, FundingAgreement, Indicator, Objective
from indicators.strategy import services
from partnerships.models import AuditEvent

from . import measurement_helpers as mh
from . import strategy_world as sw

pytestmark = pytest.mark.django_db


def _url(name, side, *args):
    return reverse(f"strategy:{name}", args=[side.slug, *args])


def _form(side, **extra):
    return {
        "title": "Safe beds for the night of a rescue",
        "funder_organisation": side.council.pk,
        "funder_name": "",
        "providers": [side.charity.pk],
        "purpose": "Two emergency beds kept free for people found in a raid.",
        "start_date": "2026-04-01",
        "end_date": "2028-03-31",
        "total_value": "30000",
        "schedule": "monthly",
        "tolerance_percent": "10",
    } | extra


def test_a_coordinator_adds_an_agreement_and_finds_it_in_the_register(a, login):
    coordinator = login(a.coordinator)
    response = coordinator.post(_url("agreement_create", a), _form(a))
    agreement = FundingAgreement.objects.get(partnership=a.partnership)
    assert response.status_code == 302 and response.url == _url("agreement_detail", a, agreement.pk)
    assert list(agreement.providers.all()) == [a.charity]
    assert AuditEvent.objects.filter(action="fundingagreement.create", object_id=str(agreement.pk)).exists()
    register = login(a.board).get(_url("agreements", a)).content.decode()
    assert "Safe beds for the night of a rescue" in register and "Northvale" in register
    assert "£30,000" in register and "01/04/2026 to 31/03/2028" in register


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"funder_name": "The Home Office"}, "funder_name", "not both"),
        ({"funder_organisation": ""}, "funder_organisation", "type the outside funder"),
        ({"providers": []}, "providers", "at least one organisation"),
        ({"end_date": "2026-03-31"}, "end_date", "on or after the start"),
        ({"total_value": "-5"}, "total_value", "£0 or more"),
    ],
)
def test_an_agreement_with_a_mistake_is_refused_with_its_reason_and_nothing_is_saved(a, login, change, field, words):
    response = login(a.coordinator).post(_url("agreement_create", a), _form(a, **change))
    assert response.status_code == 200
    assert words in " ".join(response.context["form"].errors[field])
    assert not FundingAgreement.objects.exists()


def test_the_funder_cannot_also_be_the_provider(a):
    with pytest.raises(ValidationError, match="cannot also be its provider"):
        services.agreement_create(
            actor=a.coordinator,
            partnership=a.partnership,
            title="Circular",
            funder_organisation=a.council,
            providers=[a.council],
            purpose="x",
            start_date=dt.date(2026, 4, 1),
            end_date=dt.date(2027, 3, 31),
            total_value="1",
        )


def test_an_organisation_of_another_partnership_cannot_be_named_as_provider(a, b):
    with pytest.raises(ValidationError):
        sw.agreement(a, providers=[b.charity])
    assert not FundingAgreement.objects.exists()


def test_a_budget_line_must_fall_in_one_of_the_agreements_financial_years(a):
    agreement = sw.agreement(a)  # 1 April 2025 to 31 March 2027
    with pytest.raises(ValidationError, match="2025/26, 2026/27"):
        services.budget_line_create(
            actor=a.coordinator, agreement=agreement, year_start=dt.date(2027, 4, 1), category="staff", amount="1"
        )
    with pytest.raises(ValidationError, match="financial years"):
        services.budget_line_create(
            actor=a.coordinator, agreement=agreement, year_start=dt.date(2026, 5, 1), category="staff", amount="1"
        )
    assert agreement.budget_lines.count() == 1


def test_shortening_an_agreement_past_its_budget_is_refused_until_the_lines_go(a):
    agreement = sw.agreement(a)  # its line is for 2026/27
    with pytest.raises(ValidationError, match="lines for 2026/27"):
        services.agreement_update(actor=a.coordinator, agreement=agreement, end_date=dt.date(2026, 3, 31))
    agreement.refresh_from_db()
    assert agreement.end_date == dt.date(2027, 3, 31)
    services.budget_line_delete(actor=a.coordinator, line=agreement.budget_lines.get())
    services.agreement_update(actor=a.coordinator, agreement=agreement, end_date=dt.date(2026, 3, 31))
    assert FundingAgreement.objects.get().end_date == dt.date(2026, 3, 31)


def test_the_page_adds_up_the_budget_by_year_and_says_what_is_not_set_out(a, login):
    agreement = sw.agreement(a)  # £84,000 with £24,000 set out for 2026/27
    services.budget_line_create(
        actor=a.coordinator,
        agreement=agreement,
        year_start=dt.date(2026, 4, 1),
        category="accommodation",
        amount="6000.50",
    )
    page = login(a.viewer).get(_url("agreement_detail", a, agreement.pk)).content.decode()
    assert "Total for 2026/27" in page and "£30,000.50" in page
    assert "No budget set out for 2025/26 yet." in page
    assert "£53,999.50 not yet set out" in page
    services.budget_line_create(
        actor=a.coordinator, agreement=agreement, year_start=dt.date(2025, 4, 1), category="staff", amount="60000"
    )
    page = login(a.viewer).get(_url("agreement_detail", a, agreement.pk)).content.decode()
    assert "The lines are £6,000.50 more than the agreement's value" in page


def test_the_agreements_indicators_show_the_same_year_to_date_as_the_results_table(a, login):
    indicator = mh.referrals(a)
    mh.figure(a)  # the police report 4 in the first quarter
    measurement.figure_record(
        actor=a.coordinator, indicator=indicator, period=mh.periods(a)["q1"], organisation=a.charity, value="6"
    )
    agreement = sw.agreement(a, indicators=[indicator])
    page = login(a.spoc_charity).get(_url("agreement_detail", a, agreement.pk)).content.decode()
    row = next(r for r in page.split("<tr") if "REF-1" in r)
    assert 'data-label="Year to date">10<' in row  # 4 + 6, the indicator's own rule (a flow, summed)
    assert "Provisional figures, as at" in page
    results = login(a.spoc_charity).get(reverse("indicators:results", args=[a.slug])).content.decode()
    assert next(r for r in results.split("<tr") if "REF-1" in r).count(">10<") >= 1


def test_a_board_member_reads_the_agreement_without_the_buttons_that_change_it(a, login):
    agreement = sw.agreement(a)
    page = login(a.board).get(_url("agreement_detail", a, agreement.pk)).content.decode()
    assert "Edit the agreement" not in page and "Add a budget line" not in page and "budget_line_edit" not in page
    assert "/budget/" not in page
    assert login(a.board).post(_url("agreement_delete", a, agreement.pk)).status_code == 403


def test_removing_an_agreement_keeps_its_outcomes_and_indicators_in_the_plan(a, login):
    objective = sw.objective(a)
    indicator = sw.measured(a, objective)
    agreement = sw.agreement(a, objectives=[objective], indicators=[indicator])
    response = login(a.coordinator).post(_url("agreement_delete", a, agreement.pk))
    assert response.url == _url("agreements", a)
    assert not FundingAgreement.objects.exists() and not BudgetLine.objects.exists()
    assert Objective.objects.filter(pk=objective.pk).exists() and Indicator.objects.filter(pk=indicator.pk).exists()
    assert AuditEvent.objects.filter(action="budgetline.delete").count() == 1


def test_the_agreement_document_is_served_to_members_only_as_what_it_is(a, b, login):
    agreement = sw.agreement(a, document=sw.pdf_upload("grant letter.pdf"))
    response = login(a.viewer).get(_url("agreement_document", a, agreement.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert login(b.coordinator).get(_url("agreement_document", a, agreement.pk)).status_code == 404


def test_a_document_that_is_not_an_accepted_kind_is_refused(a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError, match="not accepted"):
        sw.agreement(a, document=SimpleUploadedFile("x.html", b"<html><script>1</script></html>"))


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_register_and_an_agreements_page_take_the_same_queries_at_two_sizes(a, login):
    first = sw.agreement(a, indicators=[mh.referrals(a)])
    client = login(a.viewer)
    small = (_queries(client, _url("agreements", a)), _queries(client, _url("agreement_detail", a, first.pk)))
    for n in range(6):
        extra = sw.agreement(a, title=f"Grant {n}", providers=[a.charity, a.police])
        services.budget_line_create(
            actor=a.coordinator, agreement=extra, year_start=dt.date(2025, 4, 1), category="training", amount="10"
        )
    services.agreement_update(
        actor=a.coordinator,
        agreement=first,
        indicators=[mh.referrals(a), sw.measured(a, sw.objective(a)), sw.measured(a, sw.objective(a, code="X2"))],
        providers=[a.charity, a.police],
    )
    services.budget_line_create(
        actor=a.coordinator, agreement=first, year_start=dt.date(2025, 4, 1), category="training", amount="10"
    )
    large = (_queries(client, _url("agreements", a)), _queries(client, _url("agreement_detail", a, first.pk)))
    assert large == small
