"""The recommendations register through the API: every member reads it, coordinators answer it."""

import pytest

from .api_helpers import ApiClient, token_for
from .learning_helpers import make_recommendation

pytestmark = pytest.mark.django_db


def _api(side, path=""):
    return f"/api/v1/p/{side.slug}/recommendations/{path}"


def test_a_viewer_reads_the_register_with_the_history_and_not_another_partnerships(a, b):
    mine = make_recommendation(a, reference="1.1")
    make_recommendation(b, reference="9.9")
    client = ApiClient(token_for(a.viewer))
    body = client.get(_api(a)).json()
    assert [r["reference"] for r in body["results"]] == ["1.1"]
    assert body["results"][0]["status"] == "awaiting"
    assert body["results"][0]["history"][0]["note"] == "Added to the register."
    assert client.get(_api(a, f"{mine.pk}/")).status_code == 200


def test_the_coordinator_records_a_partial_acceptance_only_with_reasons(a):
    rec = make_recommendation(a)
    client = ApiClient(token_for(a.coordinator))
    refused = client.post(_api(a, f"{rec.pk}/response/"), {"response": "partly"})
    assert refused.status_code == 400
    rec.refresh_from_db()
    assert rec.response == "pending"
    answered = client.post(_api(a, f"{rec.pk}/response/"), {"response": "partly", "reasons": "Frontline only."})
    assert answered.status_code == 201
    assert answered.json()["status"] == "agreed"
