"""Quarterly returns through the API: a SPOC sees only their organisation's (another's is a 404),
saves the draft and submits it through reports.returns.services; a wrong state is a 409."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.models import ReturnStatus
from reports.returns import services

from .api_helpers import ApiClient, token_for
from .api_work import police_return, the_indicator
from .returns_cast import NARRATIVE

pytestmark = pytest.mark.django_db


def _api(side, path=""):
    return f"/api/v1/p/{side.slug}/{path}"


def _ready(side) -> dict:
    return {**NARRATIVE, "figures": [{"indicator": the_indicator(side).pk, "value": "4"}]}


# The police return: what each role gets (the API routes are in API_OWN_TESTS).
CASES = [
    ("get", "", None, dict(coordinator=200, spoc_police=200, spoc_charity=404, board=200, viewer=200)),
    (
        "patch",
        "",
        {"progress": "Two visits"},
        dict(coordinator=200, spoc_police=200, spoc_charity=404, board=403, viewer=403),
    ),
    ("post", "submit/", _ready, dict(coordinator=200, spoc_police=200, spoc_charity=404, board=403, viewer=403)),
]


@pytest.mark.parametrize(("method", "suffix", "body", "expected"), CASES)
@pytest.mark.parametrize("role", ["coordinator", "spoc_police", "spoc_charity", "board", "viewer"])
def test_each_role_gets_what_it_may_of_the_police_return(method, suffix, body, expected, role, a):
    return_ = police_return(a)
    if suffix == "submit/":  # a return can be submitted once it is complete
        services.return_save_draft(
            actor=a.spoc_police, return_=return_, narrative=NARRATIVE, figures={the_indicator(a).pk: {"value": "4"}}
        )
    data = body(a) if callable(body) else body
    response = ApiClient(token_for(a.user(role))).call(method, _api(a, f"returns/{return_.pk}/{suffix}"), data)
    assert response.status_code == expected[role], response.content


def test_a_spoc_lists_only_their_organisations_returns(a):
    police_return(a)
    spoc = ApiClient(token_for(a.spoc_charity)).get(_api(a, "returns/")).json()
    assert {r["organisation"] for r in spoc["results"]} == {a.charity.pk}
    everyone = ApiClient(token_for(a.viewer)).get(_api(a, "returns/")).json()
    assert {a.police.pk, a.charity.pk} <= {r["organisation"] for r in everyone["results"]}


def test_a_spoc_saves_a_draft_and_submits_it(a):
    return_ = police_return(a)
    api = ApiClient(token_for(a.spoc_police))
    saved = api.patch(_api(a, f"returns/{return_.pk}/"), _ready(a))
    assert saved.status_code == 200
    body = saved.json()
    assert body["progress"] == NARRATIVE["progress"] and body["status"] == "draft" and body["version"] == 2
    assert [(f["indicator_code"], f["value"]) for f in body["figures"]] == [("REF-1", "4.00")]
    submitted = api.post(_api(a, f"returns/{return_.pk}/submit/"))
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted" and submitted.json()["transitions"][-1]["verb"] == "submit"
    return_.refresh_from_db()
    assert return_.status == ReturnStatus.SUBMITTED and return_.submitted_at


def test_a_bad_figure_is_refused_by_field_and_nothing_is_saved(a):
    return_ = police_return(a)
    response = ApiClient(token_for(a.spoc_police)).patch(
        _api(a, f"returns/{return_.pk}/"),
        {"progress": "Typed", "figures": [{"indicator": the_indicator(a).pk, "value": "lots"}]},
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [f"figure-{the_indicator(a).pk}"]
    return_.refresh_from_db()
    assert return_.progress == "" and return_.version == 1


def test_an_incomplete_return_cannot_be_submitted_and_says_what_is_missing(a):
    return_ = police_return(a)
    response = ApiClient(token_for(a.spoc_police)).post(_api(a, f"returns/{return_.pk}/submit/"))
    assert response.status_code == 400
    assert "Write something under" in response.json()["detail"]


def test_a_submitted_return_cannot_be_changed_or_submitted_again(a):
    return_ = police_return(a)
    services.return_save_draft(
        actor=a.spoc_police, return_=return_, narrative=NARRATIVE, figures={the_indicator(a).pk: {"value": "4"}}
    )
    services.return_submit(actor=a.spoc_police, return_=return_)
    api = ApiClient(token_for(a.spoc_police))
    changed = api.patch(_api(a, f"returns/{return_.pk}/"), {"progress": "Later thoughts"})
    assert changed.status_code == 409 and "is submitted" in changed.json()["detail"]
    assert api.post(_api(a, f"returns/{return_.pk}/submit/")).status_code == 409
    return_.refresh_from_db()
    assert return_.progress == NARRATIVE["progress"]


def test_the_returns_list_takes_the_same_few_queries_however_many_returns(a):
    api = ApiClient(token_for(a.viewer))
    police_return(a)
    api.get(_api(a, "returns/"))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(_api(a, "returns/"), {"page_size": 100}).status_code == 200
        return len(captured)

    small = queries()
    from indicators.measurement import services as measurement

    from .measurement_helpers import periods

    measurement.period_open(actor=a.coordinator, period=periods(a)["q2"])  # opens a return per organisation
    assert queries() == small <= 6  # token, membership, count, rows, figures, transitions
