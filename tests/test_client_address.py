"""The client's address comes from one rule (aspm.client_ip, TRUSTED_PROXY_COUNT) for the API's
rate limits and django-axes alike: a made-up X-Forwarded-For changes neither."""

import pytest
from axes.helpers import get_client_ip_address
from django.core.cache import cache
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous_limit_of_two(settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "100/minute", "api_anonymous": "2/minute"},
    }
    yield
    cache.clear()


def test_a_made_up_forwarded_for_does_not_change_the_anonymous_rate_limit(client, anonymous_limit_of_two):
    answers = [client.get("/api/v1/schema/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(1, 4)]
    assert answers == [200, 200, 429]


def test_behind_one_trusted_proxy_the_address_it_saw_is_the_client(client, settings, anonymous_limit_of_two):
    settings.TRUSTED_PROXY_COUNT = 1
    same_client = [f"198.51.100.{n}, 203.0.113.7" for n in range(1, 4)]  # the left part is the client's own claim
    assert [client.get("/api/v1/schema/", HTTP_X_FORWARDED_FOR=h).status_code for h in same_client] == [200, 200, 429]
    assert client.get("/api/v1/schema/", HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 200


def test_the_sign_in_lockout_reads_the_address_by_the_same_rule(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7")
    assert get_client_ip_address(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert get_client_ip_address(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 2
    assert get_client_ip_address(request) == "198.51.100.1"
