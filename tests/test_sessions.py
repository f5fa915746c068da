"""An idle session ends after SESSION_COOKIE_AGE; activity renews it at most once a minute, so a
busy page costs no session write on each request (aspm/sessions.py)."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import aspm.sessions

pytestmark = pytest.mark.django_db


def _session_writes(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum(
        1
        for q in queries
        if "django_session" in q["sql"] and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    )


def _clock(monkeypatch, now):
    monkeypatch.setattr(aspm.sessions.time, "time", lambda: now)


def test_a_coordinator_reading_pages_within_a_minute_writes_the_session_once(a, login, monkeypatch):
    client = login(a.coordinator)
    home = f"/p/{a.slug}/"
    _clock(monkeypatch, 1_000_000)
    assert _session_writes(client, home) == 1  # the first look renews it
    _clock(monkeypatch, 1_000_030)
    assert _session_writes(client, home) == 0
    assert _session_writes(client, home) == 0


def test_a_minute_later_the_next_page_moves_the_idle_timeout_on(a, login, monkeypatch):
    client = login(a.coordinator)
    home = f"/p/{a.slug}/"
    _clock(monkeypatch, 1_000_000)
    client.get(home)
    session = Session.objects.get()
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(minutes=5))
    _clock(monkeypatch, 1_000_061)
    assert _session_writes(client, home) == 1
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=100)


def test_a_session_left_idle_past_its_age_is_signed_out(a, login):
    client = login(a.coordinator)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(f"/p/{a.slug}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_visitor_without_a_session_gets_none_made_for_them(client):
    assert client.get("/accessibility/").status_code == 200
    assert not Session.objects.exists()
