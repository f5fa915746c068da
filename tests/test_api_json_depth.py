"""A deeply nested JSON body is refused with 400 in the API's error shape, never a 500 page."""

import pytest

from aspm.api.parsers import MAX_DEPTH, TOO_DEEP
from indicators.models import Figure

from .api_helpers import ApiClient, token_for

pytestmark = pytest.mark.django_db


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _post_raw(a, body: str):
    client = ApiClient(token_for(a.coordinator))
    return client.post(f"/api/v1/p/{a.slug}/figures/", body)  # a str is sent as it is


def test_json_nested_100000_levels_deep_is_refused_with_400_in_the_apis_error_shape(a):
    # The JSON decoder raised RecursionError, which reached Django as a 500 HTML page.
    response = _post_raw(a, '{"value": ' + _nested(100_000) + "}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": TOO_DEEP, "errors": {}}
    assert not Figure.objects.exists()


def test_json_one_level_deeper_than_the_limit_is_refused(a):
    response = _post_raw(a, _nested(MAX_DEPTH + 1))
    assert response.status_code == 400
    assert response.json()["detail"] == TOO_DEEP


def test_json_within_the_limit_reaches_the_usual_checks(a):
    response = _post_raw(a, '{"breakdown": ' + '{"x": ' * 5 + "1" + "}" * 5 + "}")
    assert response.status_code == 400
    assert response.json()["detail"] != TOO_DEEP
    assert "indicator" in response.json()["errors"]
