"""Personal API tokens: made and revoked on the account page, shown once, stored hashed, audited;
a token acts with its owner's role in each partnership; the browser session needs CSRF."""

import datetime as dt
import hashlib

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerships import services
from partnerships.models import ApiToken, AuditEvent, Role
from partnerships.services import tokens as services_tokens

from .api_helpers import ApiClient, token_for

pytestmark = pytest.mark.django_db

MINE = "/api/v1/partnerships/"


def test_a_new_token_is_shown_once_and_only_its_hash_is_kept(a, login):
    client = login(a.spoc_police)
    page = client.post(reverse("api_tokens"), {"name": "Constabulary data team"})
    secret = page.context["new_secret"]
    assert secret.startswith("aspm_") and secret in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    token = ApiToken.objects.get(user=a.spoc_police)
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    assert secret[5:13] == token.prefix
    again = client.get(reverse("api_tokens")).content.decode()
    assert secret not in again
    assert "Constabulary data team" in again and token.display_prefix in again


def test_a_token_signs_in_with_bearer_or_token_scheme(a):
    secret = token_for(a.viewer)
    for scheme in ("Bearer", "Token"):
        response = Client().get(MINE, HTTP_AUTHORIZATION=f"{scheme} {secret}")
        assert response.status_code == 200
        assert [p["slug"] for p in response.json()["results"]] == [a.slug]


def test_a_revoked_or_unknown_token_is_refused_with_401(a, login):
    secret = token_for(a.coordinator)
    token = ApiToken.objects.get(user=a.coordinator)
    login(a.coordinator).post(reverse("api_token_revoke", kwargs={"pk": token.pk}))
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    for bad in (secret, secret[:-1] + "x", "aspm_nothing", "not-even-ours"):
        response = ApiClient(bad).get(MINE)
        assert response.status_code == 401
        assert response.json() == {"detail": "This API token is not valid, or it was revoked.", "errors": {}}


def test_a_token_of_a_deactivated_person_stops_working(a):
    secret = token_for(a.board)
    a.board.is_active = False
    a.board.save(update_fields=["is_active"])
    assert ApiClient(secret).get(MINE).status_code == 401


def test_last_used_is_written_at_most_once_a_minute(a, django_assert_num_queries):
    secret = token_for(a.viewer)
    token = ApiToken.objects.get(user=a.viewer)
    assert token.last_used_at is None
    client = ApiClient(secret)
    client.get(MINE)
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    with django_assert_num_queries(3):  # token, count, memberships: no write this time
        client.get(MINE)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - dt.timedelta(minutes=2))
    client.get(MINE)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first


def test_making_and_revoking_a_token_is_in_the_audit_log_of_each_partnership_of_the_owner(world):
    a, b = world.a, world.b
    services.membership_create(actor=None, partnership=b.partnership, user=a.coordinator, role=Role.VIEWER)
    token, _ = services_tokens.token_create(actor=a.coordinator, name="Nightly export")
    services_tokens.token_revoke(actor=a.coordinator, token=token)
    for side in (a, b):
        actions = list(
            AuditEvent.objects.filter(partnership=side.partnership, object_type="partnerships.apitoken")
            .order_by("id")
            .values_list("action", "actor")
        )
        assert actions == [("apitoken.create", a.coordinator.pk), ("apitoken.revoke", a.coordinator.pk)]


def test_a_token_acts_with_its_owners_role_in_each_partnership(world):
    a, b = world.a, world.b
    services.membership_create(actor=None, partnership=b.partnership, user=a.coordinator, role=Role.VIEWER)
    client = ApiClient(token_for(a.coordinator))
    body = {"name": "Harbour Mission", "sector": "faith_community"}
    assert client.post(f"/api/v1/p/{a.slug}/organisations/", body).status_code == 201
    assert client.post(f"/api/v1/p/{b.slug}/organisations/", body).status_code == 403
    assert client.get(f"/api/v1/p/{b.slug}/organisations/").status_code == 200
    mine = client.get(MINE).json()["results"]
    assert {(m["slug"], m["role"]) for m in mine} == {(a.slug, "coordinator"), (b.slug, "viewer")}
    assert "manage_partnership" not in next(m for m in mine if m["slug"] == b.slug)["permissions"]


def test_nobody_can_revoke_someone_elses_token(a, login):
    token_for(a.coordinator)
    token = ApiToken.objects.get(user=a.coordinator)
    assert login(a.spoc_police).post(reverse("api_token_revoke", kwargs={"pk": token.pk})).status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
    with pytest.raises(services_tokens.PermissionDenied):
        services_tokens.token_revoke(actor=a.spoc_police, token=token)


def test_revoking_twice_says_it_was_already_revoked(a, login):
    token_for(a.coordinator)
    token = ApiToken.objects.get(user=a.coordinator)
    client = login(a.coordinator)
    client.post(reverse("api_token_revoke", kwargs={"pk": token.pk}))
    page = client.post(reverse("api_token_revoke", kwargs={"pk": token.pk}), follow=True).content.decode()
    assert "already revoked" in page


def test_a_token_needs_a_name_unique_among_the_owners_active_tokens(a, login):
    client = login(a.coordinator)
    assert "Give the token a name" in client.post(reverse("api_tokens"), {"name": "   "}).content.decode()
    client.post(reverse("api_tokens"), {"name": "Export"})
    page = client.post(reverse("api_tokens"), {"name": "export"})
    assert "already have a token with this name" in page.content.decode()
    assert page.context["new_secret"] is None
    assert ApiToken.objects.filter(user=a.coordinator).count() == 1


def test_the_token_page_needs_sign_in(client):
    response = client.get(reverse("api_tokens"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_browser_session_works_for_reads_but_writes_need_the_csrf_token(a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(a.coordinator, backend="django.contrib.auth.backends.ModelBackend")
    url = f"/api/v1/p/{a.slug}/organisations/"
    assert client.get(url).status_code == 200
    refused = client.post(url, {"name": "No CSRF", "sector": "other"}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("CSRF Failed")
    client.get(reverse("api_tokens"))  # sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    accepted = client.post(
        url, {"name": "With CSRF", "sector": "other"}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf
    )
    assert accepted.status_code == 201
