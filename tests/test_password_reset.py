"""Password reset is limited per email address and per client address (fail-open without the
cache), and its email is sent by the worker after the request, not inside it."""

from __future__ import annotations

import socket
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from kombu.exceptions import OperationalError

from partnerships.tasks import send_password_reset_email

pytestmark = pytest.mark.django_db

TOO_MANY = "You have asked for too many password reset emails"


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()
    yield
    cache.clear()


def ask(client, email, *, address="10.0.0.7", capture=None):
    url = reverse("password_reset")
    if capture is None:
        return client.post(url, {"email": email}, REMOTE_ADDR=address)
    with capture(execute=True):
        return client.post(url, {"email": email}, REMOTE_ADDR=address)


def test_the_reset_email_is_sent_by_the_worker_after_the_request_not_inside_it(
    a, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = ask(client, a.viewer.email)
    assert response.status_code == 302 and mail.outbox == []
    with mock.patch.object(send_password_reset_email, "delay", wraps=send_password_reset_email.delay) as queued:
        for callback in callbacks:
            callback()
    queued.assert_called_once_with(a.viewer.pk)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [a.viewer.email]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_a_fourth_request_for_one_email_within_the_hour_is_refused_from_any_address(
    a, client, settings, django_capture_on_commit_callbacks
):
    settings.PASSWORD_RESET_PER_EMAIL = 3
    for n in range(3):
        assert (
            ask(client, a.viewer.email, address=f"10.0.0.{n}", capture=django_capture_on_commit_callbacks).status_code
            == 302
        )
    refused = ask(client, a.viewer.email.upper(), address="10.0.0.99", capture=django_capture_on_commit_callbacks)
    assert refused.status_code == 200 and TOO_MANY in refused.content.decode()
    assert len(mail.outbox) == 3


def test_one_address_asking_for_many_emails_is_refused_after_the_limit(world, client, settings):
    settings.PASSWORD_RESET_PER_ADDRESS = 5
    answers = [ask(client, f"someone{n}@example.org").status_code for n in range(6)]
    assert answers == [302] * 5 + [200]
    assert ask(client, "someone-else@example.org", address="10.0.0.8").status_code == 302


def test_unknown_addresses_count_too_so_the_limit_tells_nothing_about_accounts(world, client, settings):
    settings.PASSWORD_RESET_PER_EMAIL = 1
    assert ask(client, "nobody@example.org").status_code == 302
    assert TOO_MANY in ask(client, "nobody@example.org", address="10.0.0.9").content.decode()


def test_without_the_cache_reset_is_not_limited(a, client, settings, django_capture_on_commit_callbacks):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"redis://127.0.0.1:{probe.getsockname()[1]}/0"
    settings.CACHES = {"default": {"BACKEND": "aspm.cache.FailOpenRedisCache", "LOCATION": dead}}
    settings.PASSWORD_RESET_PER_EMAIL = 1
    for _ in range(3):
        assert ask(client, a.viewer.email, capture=django_capture_on_commit_callbacks).status_code == 302
    assert len(mail.outbox) == 3


def test_with_the_queue_unreachable_the_page_still_answers_and_nothing_is_sent(
    a, client, django_capture_on_commit_callbacks
):
    refused = mock.patch.object(send_password_reset_email, "delay", side_effect=OperationalError("refused"))
    with refused:
        assert ask(client, a.viewer.email, capture=django_capture_on_commit_callbacks).status_code == 302
    assert mail.outbox == []
