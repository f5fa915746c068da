"""Indicators' progress and figures through the API: figures go through figure_record (the page's
path), with its checks as field errors, a locked period as a 409, and coordinators only."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.measurement import services
from indicators.models import Figure, FigureSource
from partnerships.models import AuditEvent

from .api_helpers import ApiClient, token_for
from .api_work import q1, the_figure, the_indicator
from .measurement_helpers import periods, referrals

pytestmark = pytest.mark.django_db


def _api(side, path=""):
    return f"/api/v1/p/{side.slug}/{path}"


def _figure(side, **values) -> dict:
    return {
        "indicator": the_indicator(side).pk,
        "period": q1(side).pk,
        "organisation": side.charity.pk,
        "value": "5",
        **values,
    }


@pytest.fixture
def coordinator_api(a):
    return ApiClient(token_for(a.coordinator))


def test_a_coordinator_posts_a_figure_and_it_is_recorded_and_audited_like_one_typed_on_the_page_but_labelled_api(
    a, coordinator_api
):
    response = coordinator_api.post(_api(a, "figures/"), _figure(a, breakdown={"sex": {"female": 2, "male": 3}}))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["value"] == "5.00" and body["organisation_name"] == "Northvale Survivor Trust"
    assert body["breakdown"] == {"sex": {"female": 2, "male": 3}} and body["indicator_code"] == "REF-1"
    figure = Figure.objects.get(pk=body["id"])
    assert figure.entered_by == a.coordinator and figure.source == FigureSource.API  # labelled as sent through the API
    assert AuditEvent.objects.filter(action="figure.create", object_id=str(figure.pk), actor=a.coordinator).exists()


def test_posting_again_for_the_same_indicator_period_and_organisation_replaces_the_figure(a, coordinator_api):
    first = coordinator_api.post(_api(a, "figures/"), _figure(a)).json()
    again = coordinator_api.post(_api(a, "figures/"), _figure(a, value="7"))
    assert again.status_code == 201 and again.json()["id"] == first["id"] and again.json()["value"] == "7.00"
    assert Figure.objects.filter(indicator=the_indicator(a), period=q1(a), organisation=a.charity).count() == 1


def test_the_services_checks_come_back_as_field_errors_and_nothing_is_saved(a, coordinator_api):
    before = Figure.objects.count()
    bad = coordinator_api.post(
        _api(a, "figures/"),
        _figure(a, value="2.5", organisation=a.council.pk, breakdown={"sex": {"female": 1}}),
    )
    assert bad.status_code == 400
    errors = bad.json()["errors"]
    assert errors["value"] == ["A count is a whole number (you entered 2.5)."]
    assert errors["organisation"] == ["Northvale Council does not report REF-1."]
    not_open = coordinator_api.post(_api(a, "figures/"), _figure(a, period=periods(a)["q2"].pk))
    assert not_open.status_code == 400 and "is not open for figures yet" in not_open.json()["errors"]["period"][0]
    assert Figure.objects.count() == before


def test_ids_of_another_partnership_are_refused_as_unknown(a, b, coordinator_api):
    response = coordinator_api.post(
        _api(a, "figures/"),
        _figure(a, indicator=the_indicator(b).pk, period=q1(b).pk, organisation=b.charity.pk),
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "indicator": ["There is no such indicator in this partnership."],
        "period": ["There is no such reporting period in this partnership."],
        "organisation": ["There is no such organisation in this partnership."],
    }
    assert not Figure.objects.filter(partnership=b.partnership, organisation=b.charity).exists()


def test_a_locked_period_is_a_conflict_for_new_and_changed_figures(a, coordinator_api):
    figure = the_figure(a)
    services.period_lock(actor=a.coordinator, period=q1(a))
    new = coordinator_api.post(_api(a, "figures/"), _figure(a))
    assert new.status_code == 409 and "is locked" in new.json()["detail"] and new.json()["errors"] == {}
    changed = coordinator_api.patch(_api(a, f"figures/{figure.pk}/"), {"value": "9"})
    assert changed.status_code == 409
    figure.refresh_from_db()
    assert figure.value == 4


def test_patch_keeps_the_values_not_sent_and_put_replaces_them(a, coordinator_api):
    figure = the_figure(a)  # 4, split 3 female and 1 male
    patched = coordinator_api.patch(_api(a, f"figures/{figure.pk}/"), {"comment": "From custody records"}).json()
    assert patched["value"] == "4.00" and patched["breakdown"] == {"sex": {"female": 3, "male": 1}}
    assert patched["comment"] == "From custody records"
    put = coordinator_api.put(_api(a, f"figures/{figure.pk}/"), {"value": "6"}).json()
    assert put["value"] == "6.00" and put["breakdown"] == {} and put["comment"] == ""
    assert (put["indicator"], put["period"], put["organisation"]) == (
        figure.indicator_id,
        figure.period_id,
        a.police.pk,
    )


@pytest.mark.parametrize("role", ["spoc_police", "board", "viewer"])
def test_only_coordinators_send_figures_a_spoc_uses_their_return(role, a):
    response = ApiClient(token_for(a.user(role))).post(_api(a, "figures/"), _figure(a, organisation=a.police.pk))
    assert response.status_code == 403
    assert not Figure.objects.filter(organisation=a.police, period=q1(a)).exists()


def test_figures_filter_by_period_organisation_indicator_and_modified_since(a, coordinator_api):
    police = the_figure(a)
    coordinator_api.post(_api(a, "figures/"), _figure(a))
    listed = coordinator_api.get(_api(a, "figures/"), {"period": q1(a).pk}).json()
    assert listed["count"] == 2
    only_police = coordinator_api.get(_api(a, "figures/"), {"organisation": a.police.pk}).json()
    assert [f["id"] for f in only_police["results"]] == [police.pk]
    assert coordinator_api.get(_api(a, "figures/"), {"indicator": police.indicator_id}).json()["count"] == 2
    future = coordinator_api.get(_api(a, "figures/"), {"modified_since": "2099-01-01T00:00:00Z"}).json()
    assert future["count"] == 0
    assert coordinator_api.get(_api(a, f"figures/{police.pk}/")).json()["period_label"] == q1(a).label


def test_an_indicator_shows_progress_for_the_current_quarter_and_the_year_to_date(a, coordinator_api):
    indicator = the_indicator(a)
    services.target_set(actor=a.coordinator, indicator=indicator, period=q1(a), value="10")
    the_figure(a)  # police: 4
    coordinator_api.post(_api(a, "figures/"), _figure(a, value="5"))  # charity: 5 -> 9 together
    body = coordinator_api.get(_api(a, f"indicators/{indicator.pk}/")).json()
    progress = body["progress"]
    assert progress["year"] == periods(a)["year"].pk
    assert progress["year_to_date"] == {
        "status": "at_risk",
        "status_label": "At risk",
        "actual": "9.00",
        "target": "10.00",
        "numerator": None,
        "denominator": None,
        "combinable": True,
        "note": "",
        "finality": "provisional",  # the year is open: its figures may still change
        "final": False,
        "provisional": True,
    }
    listed = coordinator_api.get(_api(a, "indicators/"), {"code": "REF-1"}).json()["results"][0]
    assert listed["progress"] == progress


def test_an_indicator_has_no_progress_before_a_financial_year_is_set_up(a, coordinator_api):
    indicator = referrals(a)  # no periods made
    assert coordinator_api.get(_api(a, f"indicators/{indicator.pk}/")).json()["progress"] is None


def test_the_figures_list_takes_the_same_few_queries_however_many_rows(a, coordinator_api):
    coordinator_api.post(_api(a, "figures/"), _figure(a))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert coordinator_api.get(_api(a, "figures/"), {"page_size": 100}).status_code == 200
        return len(captured)

    small = queries()
    for quarter in ("q2", "q3"):
        services.period_open(actor=a.coordinator, period=periods(a)[quarter])
        for organisation in (a.police, a.charity):
            services.figure_record(
                actor=a.coordinator,
                indicator=the_indicator(a),
                period=periods(a)[quarter],
                organisation=organisation,
                value="3",
            )
    assert queries() == small <= 4  # token, membership, count, rows


def test_a_proportion_comes_with_its_numerator_and_denominator_so_an_integrator_can_recompute_it(a, coordinator_api):
    share = services.indicator_create(
        actor=a.coordinator,
        partnership=a.partnership,
        reporting_organisations=[a.police, a.charity],
        code="PROP-API",
        name="Victims offered support who took it up",
        unit="percentage",
    )
    period = q1(a)
    for organisation, numerator, denominator in ((a.police, "1", "2"), (a.charity, "90", "100")):
        body = {"indicator": share.pk, "period": period.pk, "organisation": organisation.pk}
        answer = coordinator_api.post(_api(a, "figures/"), {**body, "numerator": numerator, "denominator": denominator})
        assert answer.status_code == 201, answer.content
    indicator = coordinator_api.get(_api(a, f"indicators/{share.pk}/")).json()
    assert indicator["rollup"] == "ratio"
    to_date = indicator["progress"]["year_to_date"]
    assert (to_date["actual"], to_date["numerator"], to_date["denominator"]) == ("89.22", "91.00", "102.00")
    figures = coordinator_api.get(_api(a, "figures/"), {"indicator": share.pk}).json()["results"]
    numerators = sum(Decimal(f["numerator"]) for f in figures)
    denominators = sum(Decimal(f["denominator"]) for f in figures)
    assert round(numerators * 100 / denominators, 2) == Decimal(to_date["actual"])


def test_a_numerator_without_a_denominator_is_refused_by_the_api_with_the_field_named(a, coordinator_api):
    share = services.indicator_create(
        actor=a.coordinator,
        partnership=a.partnership,
        reporting_organisations=[a.police],
        code="PROP-BAD",
        name="Share",
        unit="percentage",
    )
    body = {"indicator": share.pk, "period": q1(a).pk, "organisation": a.police.pk, "numerator": "3"}
    answer = coordinator_api.post(_api(a, "figures/"), body)
    assert answer.status_code == 400
    assert "denominator" in answer.json()["errors"]


def test_progress_says_the_date_its_figures_are_as_at_and_which_periods_are_final(a, coordinator_api):
    from django.utils import timezone

    from reports.models import Return, ReturnStatus

    indicator = the_indicator(a)
    the_figure(a)  # police: 4, in Q1
    p = periods(a)
    Return.objects.filter(period=p["q1"]).update(status=ReturnStatus.APPROVED)
    services.period_lock(actor=a.coordinator, period=p["q1"])
    progress = coordinator_api.get(_api(a, f"indicators/{indicator.pk}/")).json()["progress"]
    assert progress["as_at"] == timezone.localdate().isoformat()
    states = {row["period_label"]: (row["finality"], row["final"], row["provisional"]) for row in progress["periods"]}
    assert states[p["q1"].label] == ("final", True, False)  # locked, every return approved
    assert states[p["q4"].label] == ("not_open", False, True)  # nothing is computed for it
    assert states[p["year"].label] == ("provisional", False, True)  # the year is not over
    assert progress["year_to_date"]["finality"] == "provisional" and progress["year_to_date"]["actual"] == "4.00"


def test_patching_a_proportions_denominator_works_the_percentage_out_again(a, coordinator_api):
    share = services.indicator_create(
        actor=a.coordinator,
        partnership=a.partnership,
        reporting_organisations=[a.police],
        code="PROP-PATCH",
        name="Share",
        unit="percentage",
    )
    body = {
        "indicator": share.pk,
        "period": q1(a).pk,
        "organisation": a.police.pk,
        "numerator": "45",
        "denominator": "60",
    }
    figure_id = coordinator_api.post(_api(a, "figures/"), body).json()["id"]
    answer = coordinator_api.patch(_api(a, f"figures/{figure_id}/"), {"denominator": "90"})
    assert answer.status_code == 200, answer.content
    assert (answer.json()["value"], answer.json()["numerator"], answer.json()["denominator"]) == (
        "50.00",
        "45.00",
        "90.00",
    )
    answer = coordinator_api.patch(_api(a, f"figures/{figure_id}/"), {"comment": "Checked"})  # the numbers stay
    assert (answer.json()["value"], answer.json()["denominator"]) == ("50.00", "90.00")
