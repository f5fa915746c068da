"""With DEBUG off, a 403, 404, 500 or CSRF failure is the site's own page, in its layout, with a
plain next step; a 403 or 404 is one line in the log, without a traceback."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _debug_off(settings):
    settings.DEBUG = False


def _text(response) -> str:
    return response.content.decode()


def test_a_board_member_starting_a_report_sees_why_not_and_the_way_home(a, login):
    response = login(a.board).get(reverse("reports:annual_start", kwargs={"slug": a.slug}))
    assert response.status_code == 403
    page = _text(response)
    assert "You cannot do this" in page
    assert "Board member" in page
    assert f"ask the coordinator of {a.partnership.name}" in page
    assert f'href="/p/{a.slug}/"' in page
    assert "Skip to main content" in page  # the site's layout, not Django's bare page


def test_someone_signed_out_is_offered_sign_in_on_the_403_page(a, client, settings):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from aspm import error_pages

    request = RequestFactory().get("/p/x/annual-reports/new/")
    request.user = AnonymousUser()
    page = error_pages.permission_denied(request).content.decode()
    assert "Sign in" in page
    assert "/accounts/login/?next=/p/x/annual-reports/new/" in page


def test_an_outsider_opening_a_partnership_sees_the_sites_own_404(a, b, login):
    response = login(b.coordinator).get(reverse("partnerships:home", kwargs={"slug": a.slug}))
    assert response.status_code == 404
    page = _text(response)
    assert "Page not found" in page
    assert "Ask that partnership's coordinator to invite you" in page
    assert "Go to your home page" in page
    assert "Skip to main content" in page


def test_a_failing_page_shows_the_sites_own_500(settings, a, login):
    settings.ROOT_URLCONF = "tests.error_urls"
    client = login(a.coordinator)
    client.raise_request_exception = False
    response = client.get("/test-only/fails/")
    assert response.status_code == 500
    page = _text(response)
    assert "Sorry, there is a problem with the service" in page
    assert "Go to your home page" in page
    assert "RuntimeError" not in page


def test_a_form_sent_without_its_token_explains_what_to_do(a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(a.coordinator, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("partnerships:edit", kwargs={"slug": a.slug}), {"name": "X"})
    assert response.status_code == 403
    page = _text(response)
    assert "Your form could not be sent" in page
    assert "Nothing was saved" in page


def _console_line(record: logging.LogRecord) -> str:
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)
    handler = logging.getLogger().handlers[0]
    for f in handler.filters:
        f.filter(record)
    return handler.format(record)


@pytest.mark.parametrize("status", [403, 404])
def test_a_403_or_404_is_logged_as_one_line(a, login, caplog, status):
    client = login(a.board)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        if status == 403:
            client.get(reverse("reports:annual_start", kwargs={"slug": a.slug}))
        else:
            client.get("/p/no-such-partnership/")
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.status_code == status
    line = _console_line(record)
    assert "\n" not in line
    assert "Traceback" not in line


def test_a_500_keeps_its_traceback_in_the_log(settings, a, login, caplog):
    settings.ROOT_URLCONF = "tests.error_urls"
    client = login(a.coordinator)
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        client.get("/test-only/fails/")
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert "Traceback" in _console_line(record)
