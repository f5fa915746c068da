"""Signing in with an email address, lock-out after repeated failures, password reset, switching."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _sign_in(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR="10.0.0.7")


def test_a_member_signs_in_with_email_and_lands_in_their_partnership(a, client, password):
    response = _sign_in(client, a.spoc_police.email.upper(), password)
    assert response.status_code == 302
    assert client.get(reverse("home")).url == reverse("partnerships:home", kwargs={"slug": a.slug})


def test_a_wrong_password_gets_a_plain_message(a, client):
    response = _sign_in(client, a.board.email, "nope")
    assert "The email address or password is not right" in response.content.decode()


def test_repeated_failures_lock_the_account_from_that_address(a, client, password):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, a.board.email, "wrong-password")
    locked = _sign_in(client, a.board.email, password)
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()


def test_a_lock_on_one_person_does_not_lock_colleagues_in_the_same_office(a, client, password):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, a.board.email, "wrong-password")
    assert _sign_in(client, a.viewer.email, password).status_code == 302


def test_password_reset_sends_a_link_that_sets_a_new_password(a, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the worker sends it once the request commits
        client.post(reverse("password_reset"), {"email": a.viewer.email})
    assert len(mail.outbox) == 1
    path = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "brand-new-passphrase-9", "new_password2": "brand-new-passphrase-9"},
    )
    assert response.status_code == 302
    assert _sign_in(client, a.viewer.email, "brand-new-passphrase-9").status_code == 302


def test_an_unknown_address_gets_the_same_answer_and_no_email(world, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_sessions_expire_when_idle_without_a_write_on_every_request():
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    assert "aspm.sessions.RenewSessionMiddleware" in settings.MIDDLEWARE
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60


def test_a_person_in_two_partnerships_chooses_and_switches(a, b, login):
    from partnerships import services
    from partnerships.models import Role

    services.membership_create(actor=None, partnership=b.partnership, user=a.coordinator, role=Role.VIEWER)
    client = login(a.coordinator)
    choice = client.get(reverse("home")).content.decode()
    assert "Northvale" in choice and "Southmoor" in choice
    page = client.get(reverse("partnerships:home", kwargs={"slug": b.slug})).content.decode()
    assert "You are signed in as <strong>Viewer</strong>" in page
