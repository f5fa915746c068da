"""The API's read and write endpoints: what they return, how they filter and page, the one error
body, organisation writes through the services, throttling, and constant query counts."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from indicators.models import Indicator, Strand
from partnerships.models import AuditEvent, Organisation

from .api_helpers import ApiClient, plan_for, plan_of, token_for
from .measurement_helpers import periods

pytestmark = pytest.mark.django_db


def _api(side, path=""):
    return f"/api/v1/p/{side.slug}/{path}"


@pytest.fixture
def viewer_api(a):
    return ApiClient(token_for(a.viewer))


@pytest.fixture
def coordinator_api(a):
    return ApiClient(token_for(a.coordinator))


def test_indicators_come_with_their_targets_and_only_from_this_partnership(a, b, viewer_api):
    plan = plan_for(a)
    plan_for(b)
    body = viewer_api.get(_api(a, "indicators/")).json()
    assert body["count"] == 1
    indicator = body["results"][0]
    assert indicator["code"] == "IND-00" and indicator["strand"] == plan["strand"].pk
    assert sorted(indicator["reporting_organisations"]) == sorted([a.police.pk, a.charity.pk])
    assert indicator["targets"] == [
        {"period": None, "period_label": None, "value": "40.00"},
        {"period": plan["period"].pk, "period_label": "Quarter 0", "value": "10.50"},
    ] or indicator["targets"] == [
        {"period": plan["period"].pk, "period_label": "Quarter 0", "value": "10.50"},
        {"period": None, "period_label": None, "value": "40.00"},
    ]
    detail = viewer_api.get(_api(a, f"indicators/{plan['indicator'].pk}/")).json()
    assert detail == indicator


def test_lists_filter_by_strand_organisation_status_and_modified_since(a, viewer_api):
    plan_for(a, extra=3)
    first = plan_of(a)
    strand_only = viewer_api.get(_api(a, "objectives/"), {"strand": first["strand"].pk}).json()
    assert [o["code"] for o in strand_only["results"]] == ["OBJ0"]
    assert viewer_api.get(_api(a, "indicators/"), {"organisation": a.police.pk}).json()["count"] == 4
    assert viewer_api.get(_api(a, "indicators/"), {"organisation": a.council.pk}).json()["count"] == 0
    assert viewer_api.get(_api(a, "periods/"), {"status": "open"}).json()["count"] == 2
    assert viewer_api.get(_api(a, "results-chain/"), {"objective": first["objective"].pk}).json()["count"] == 1
    Indicator.objects.filter(code="IND-02").update(updated_at=timezone.now() + dt.timedelta(hours=1))
    since = (timezone.now() + dt.timedelta(minutes=30)).isoformat()
    changed = viewer_api.get(_api(a, "indicators/"), {"modified_since": since}).json()
    assert [i["code"] for i in changed["results"]] == ["IND-02"]
    police = viewer_api.get(_api(a, "organisations/"), {"sector": "police"}).json()
    assert [o["name"] for o in police["results"]] == ["Northvale Police"]


def test_pages_hold_at_most_100_rows_and_never_overlap(a, viewer_api):
    four_ps = Strand.objects.filter(partnership=a.partnership).count()  # a partnership starts with the 4Ps
    plan_for(a, extra=104 - four_ps)
    first = viewer_api.get(_api(a, "strands/"), {"page_size": 500}).json()
    assert first["count"] == 105 and len(first["results"]) == 100 and first["next"]
    second = viewer_api.get(first["next"]).json()
    assert len(second["results"]) == 5 and second["next"] is None
    ids = [s["id"] for s in first["results"] + second["results"]]
    assert len(set(ids)) == 105
    by_update = viewer_api.get(_api(a, "strands/"), {"ordering": "-updated_at", "page_size": 3}).json()
    assert len(by_update["results"]) == 3


def test_bad_filter_values_are_a_400_with_field_errors(a, viewer_api):
    response = viewer_api.get(_api(a, "indicators/"), {"modified_since": "last week", "strand": "x"})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith("Some of the values sent are not valid")
    assert set(body["errors"]) == {"modified_since", "strand"}
    assert viewer_api.get(_api(a, "strands/"), {"page": 99}).status_code == 404


def test_a_coordinator_adds_an_organisation_through_the_service_and_it_is_audited(a, coordinator_api):
    response = coordinator_api.post(
        _api(a, "organisations/"), {"name": "  Harbour Mission ", "sector": "faith_community"}
    )
    assert response.status_code == 201
    created = response.json()
    assert created["name"] == "Harbour Mission" and created["sector_label"] == "Faith / community"
    event = AuditEvent.objects.get(action="organisation.create", object_id=str(created["id"]))
    assert event.actor == a.coordinator and event.partnership == a.partnership


def test_changing_an_organisation_keeps_the_fields_not_sent(a, coordinator_api):
    response = coordinator_api.patch(_api(a, f"organisations/{a.council.pk}/"), {"is_active": False})
    assert response.status_code == 200
    assert response.json()["name"] == "Northvale Council" and response.json()["is_active"] is False
    event = AuditEvent.objects.get(action="organisation.update", object_id=str(a.council.pk))
    assert event.changes == {"is_active": [True, False]}


def test_refused_values_come_back_on_their_fields_and_nothing_is_saved(a, coordinator_api):
    count = Organisation.objects.count()
    missing = coordinator_api.post(_api(a, "organisations/"), {"sector": "galaxy"})
    assert missing.status_code == 400
    assert set(missing.json()["errors"]) == {"name", "sector"}
    duplicate = coordinator_api.post(_api(a, "organisations/"), {"name": "northvale police", "sector": "police"})
    assert duplicate.status_code == 400
    assert duplicate.json()["errors"] == {"name": ["The partnership already has an organisation with this name."]}
    not_json = coordinator_api.client.post(
        _api(a, "organisations/"), "{oops", content_type="application/json", **coordinator_api.headers
    )
    assert not_json.status_code == 400 and set(not_json.json()) == {"detail", "errors"}
    assert Organisation.objects.count() == count


def test_deleting_an_organisation_that_still_has_a_spoc_is_a_conflict(a, coordinator_api):
    response = coordinator_api.delete(_api(a, f"organisations/{a.police.pk}/"))
    assert response.status_code == 409
    assert "still has a partner SPOC" in response.json()["detail"] and response.json()["errors"] == {}
    assert Organisation.objects.filter(pk=a.police.pk).exists()
    assert coordinator_api.delete(_api(a, f"organisations/{a.council.pk}/")).status_code == 204
    assert not Organisation.objects.filter(pk=a.council.pk).exists()


def test_every_error_has_the_same_body(a, viewer_api):
    answers = [
        viewer_api.get(_api(a, "organisations/999999/")),  # 404
        viewer_api.post(_api(a, "organisations/"), {"name": "X", "sector": "other"}),  # 403
        viewer_api.post(_api(a, "strands/"), {}),  # 405
        ApiClient().get(_api(a, "strands/")),  # 401
        viewer_api.get(_api(a, "organisations/99999999999999999999999/")),  # larger than any id: 404
    ]
    assert [r.status_code for r in answers] == [404, 403, 405, 401, 404]
    for response in answers:
        body = response.json()
        assert set(body) == {"detail", "errors"} and body["detail"] and body["errors"] == {}


def test_too_many_requests_with_one_token_is_a_429_for_that_token_only(a, settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "3/minute", "api_anonymous": "2/minute"},
    }
    busy, other = ApiClient(token_for(a.viewer, "busy")), ApiClient(token_for(a.viewer, "other"))
    assert [busy.get(_api(a)).status_code for _ in range(4)] == [200, 200, 200, 429]
    refused = busy.get(_api(a))
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["detail"].startswith("Too many requests for this token.")
    assert other.get(_api(a)).status_code == 200
    anonymous = ApiClient()  # the public schema is limited per address
    assert [anonymous.get("/api/v1/schema/").status_code for _ in range(3)] == [200, 200, 429]
    cache.clear()


# Queries of a page of 100 at most: token, membership, count, rows, and the prefetches; indicators add
# their progress (tolerance, financial years, quarters, figure totals).
LISTS = {
    "organisations/": 6,
    "strands/": 6,
    "objectives/": 6,
    "results-chain/": 6,
    "indicators/": 10,
    "periods/": 6,
}


@pytest.mark.parametrize("path", sorted(LISTS))
def test_a_list_takes_the_same_few_queries_however_many_rows(path, a, viewer_api, django_assert_max_num_queries):
    periods(a)  # a financial year with quarters, so that indicators' progress is worked out
    plan_for(a, extra=2)
    viewer_api.get(_api(a, path))  # the token's last-used time is written once a minute: not in the count

    def queries() -> int:
        cache.clear()  # the rows below are made without the services, so count a list computed afresh
        with CaptureQueriesContext(connection) as captured:
            assert viewer_api.get(_api(a, path), {"page_size": 100}).status_code == 200
        return len(captured)

    small = queries()
    plan_for(a, extra=40)
    for i in range(40):
        Organisation.objects.create(partnership=a.partnership, name=f"Extra {i}", sector="other")
    assert queries() == small
    with django_assert_max_num_queries(LISTS[path]):
        viewer_api.get(_api(a, path), {"page_size": 100})


def test_a_body_that_is_not_json_is_refused_with_415(a, coordinator_api):
    response = coordinator_api.client.post(
        _api(a, "organisations/"), {"name": "Form Org", "sector": "other"}, **coordinator_api.headers
    )
    assert response.status_code == 415
    assert set(response.json()) == {"detail", "errors"}
    assert not Organisation.objects.filter(name="Form Org").exists()
