"""With Redis unreachable (a cache and a queue at a port nobody listens on), nothing answers 5xx:
a report request is kept and the page says it will start when the queue is back; the returns
dashboard's chart is drawn without its cache; the API's rate limits let requests through. Each
says so in the log."""

from __future__ import annotations

import logging
import socket
from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from aspm.cache import FailOpenRedisCache
from aspm.celery import app
from reports.annual.registry import default_section_keys
from reports.annual.years import year_containing
from reports.models import ReportJob, ReportJobStatus

from .api_helpers import bearer, token_for
from .returns_cast import open_period, quarter
from .test_settings import _manage

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_redis_url():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def cache_at_dead_port(settings, dead_redis_url):
    settings.CACHES = {
        "default": {
            "BACKEND": "aspm.cache.FailOpenRedisCache",
            "LOCATION": dead_redis_url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    FailOpenRedisCache._last_warning = 0.0
    return dead_redis_url


@pytest.fixture
def queue_at_dead_port(dead_redis_url):
    """The Celery app's broker and result store at the dead port, tasks sent for real (not eager)."""
    names = ("broker_url", "result_backend", "task_always_eager")
    saved = {name: app.conf[name] for name in names}

    def reset():
        app._pool = None
        app.amqp._producer_pool = None
        app._local.__dict__.pop("backend", None)

    app.conf.update(broker_url=dead_redis_url, result_backend=dead_redis_url, task_always_eager=False)
    reset()
    yield dead_redis_url
    app.conf.update(saved)
    reset()


def test_production_settings_use_the_fail_open_cache_with_redis():
    result = _manage("shell", "-c", "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "aspm.cache.FailOpenRedisCache"


def test_an_unreachable_cache_reads_as_empty_and_says_so_once(cache_at_dead_port, caplog):
    with caplog.at_level(logging.WARNING, logger="aspm.cache"):
        cache.set("chart", "<svg/>")
        assert cache.get("chart") is None
        assert cache.get("chart", "fallback") == "fallback"
        assert cache.get_or_set("chart", lambda: "drawn afresh") == "drawn afresh"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.add("chart", 1) is False
        with pytest.raises(ValueError):
            cache.incr("counter")
    warnings = [r for r in caplog.records if r.name == "aspm.cache"]
    assert len(warnings) == 1 and "Cache unavailable" in warnings[0].getMessage()


def test_the_returns_dashboard_draws_its_chart_without_the_cache(a, login, cache_at_dead_port):
    today = timezone.localdate()
    open_period(a, quarter(a, date(today.year, ((today.month - 1) // 3) * 3 + 1, 1)))
    page = login(a.coordinator).get(reverse("reports:returns", kwargs={"slug": a.slug}))
    assert page.status_code == 200
    assert "Returns submitted on time and late" in page.content.decode()


def test_the_api_answers_without_the_rate_limits_cache(a, client, settings, cache_at_dead_port, caplog):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "5/minute", "api_anonymous": "5/minute"},
    }
    secret = token_for(a.coordinator)
    with caplog.at_level(logging.WARNING, logger="aspm.cache"):
        schema = client.get("/api/v1/schema/")
        mine = client.get("/api/v1/partnerships/", **bearer(secret))
    assert schema.status_code == 200
    assert mine.status_code == 200 and mine.json()["results"][0]["slug"] == a.slug
    assert any("Cache unavailable" in r.getMessage() for r in caplog.records)


def test_a_report_started_while_the_queue_is_down_is_kept_and_the_page_says_it_will_start(
    a, login, queue_at_dead_port, django_capture_on_commit_callbacks
):
    client = login(a.coordinator)
    year = year_containing(a.partnership, timezone.localdate())
    data = {"year": year.start.year, "sections": default_section_keys()}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:annual_start", kwargs={"slug": a.slug}), data)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "it will start by itself as soon as the queue is back" in page
    job = ReportJob.objects.get(partnership=a.partnership)
    assert job.status == ReportJobStatus.QUEUED and job.enqueued_at is None
