import os
import time

import pytest

from aspm.sessions import RENEWED_AT

from .cast import PASSWORD, build_world

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright and the ORM in one test


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def a(world):
    return world.a


@pytest.fixture
def b(world):
    return world.b


@pytest.fixture
def login(client):
    """``login(user)`` signs ``user`` in on the test client and returns the client."""

    def _login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        # Just signed in is just renewed: the session is written again only a minute on
        # (aspm/sessions.py), so a test's first page costs the same queries as its next.
        session = client.session
        session[RENEWED_AT] = int(time.time())
        session.save()
        return client

    return _login


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: ids come back after a rollback, so a page cached under
    one test's partnership (aspm/data_version.py) must not be served to the next test's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password():
    return PASSWORD


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, not a downloaded browser (there is no internet here)."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A British browser that asks for reduced motion, as some users do: Bootstrap then drops its
    colour transitions, so axe never measures a button's contrast halfway through a fade (a
    hovered outline button is briefly grey on grey just after a click)."""
    return {
        **browser_context_args,
        "locale": "en-GB",
        "timezone_id": "Europe/London",
        "reduced_motion": "reduce",
    }


@pytest.fixture
def reminder_clock(monkeypatch):
    """``reminder_clock(day, hour=9)`` sets the time the returns' reminder job sees."""
    from datetime import datetime, time

    from django.utils import timezone

    from reports.returns.services import reminders

    def set_to(day, hour: int = 9):
        moment = timezone.make_aware(datetime.combine(day, time(hour, 59)))
        monkeypatch.setattr(reminders, "clock", lambda: moment)
        return moment

    return set_to
