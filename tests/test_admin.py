"""The Django admin works for platform staff, and its writes go through the services."""

import re

import pytest
from django.urls import reverse

from partnerships.models import AuditEvent, Membership, Partnership, Role, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser(email="support@aspm.test", password="x-long-password-1", full_name="Sue Port")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return user


def test_staff_create_a_partnership_and_its_first_coordinator_in_the_admin(staff, client, world):
    response = client.post(
        reverse("admin:partnerships_partnership_add"),
        {
            "name": "Westdale Partnership",
            "slug": "westdale",
            "area": "Westdale",
            "financial_year_start_month": 4,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    westdale = Partnership.objects.get(slug="westdale")
    assert AuditEvent.objects.filter(partnership=westdale, action="partnership.create", actor=staff).exists()

    response = client.post(
        reverse("admin:partnerships_membership_add"),
        {"partnership_choice": westdale.pk, "user": world.outsider.pk, "role": Role.COORDINATOR},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Membership.objects.get(partnership=westdale, user=world.outsider).role == Role.COORDINATOR


@pytest.mark.parametrize(
    "name",
    [
        "admin:partnerships_user_changelist",
        "admin:partnerships_partnership_changelist",
        "admin:partnerships_organisation_changelist",
        "admin:partnerships_membership_changelist",
        "admin:partnerships_auditevent_changelist",
        "admin:partnerships_apitoken_changelist",
    ],
)
def test_staff_see_the_admin_lists(staff, client, world, name):
    assert client.get(reverse(name)).status_code == 200


def test_the_audit_log_cannot_be_changed_in_the_admin(staff, client, world):
    event = AuditEvent.objects.first()
    response = client.post(reverse("admin:partnerships_auditevent_change", args=[event.pk]), {"action": "x"})
    assert response.status_code == 403
    assert (
        client.post(reverse("admin:partnerships_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code
        == 403
    )


def test_a_coordinator_is_not_platform_staff(a, login):
    response = login(a.coordinator).get(reverse("admin:index"))
    assert response.status_code == 302


def test_a_membership_the_service_refuses_comes_back_to_staff_as_form_errors(staff, client, world):
    a = world.a
    add = reverse("admin:partnerships_membership_add")
    # The coordinator is already a member of the partnership
    response = client.post(add, {"partnership_choice": a.partnership.pk, "user": a.coordinator.pk, "role": Role.VIEWER})
    assert response.status_code == 200
    assert "is already a member of this partnership" in response.content.decode()
    # A SPOC must speak for an organisation
    response = client.post(add, {"partnership_choice": a.partnership.pk, "user": world.outsider.pk, "role": Role.SPOC})
    assert response.status_code == 200
    assert re.findall(r"errorlist[^>]*>(.*?)</ul>", response.content.decode(), re.S), "an error is shown"
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_staff_add_a_spoc_for_a_free_organisation_in_the_admin(staff, client, world):
    from partnerships.models import Organisation

    a = world.a
    free = Organisation.objects.create(partnership=a.partnership, name="Northvale Fire and Rescue", sector="other")
    response = client.post(
        reverse("admin:partnerships_membership_add"),
        {"partnership_choice": a.partnership.pk, "user": world.outsider.pk, "role": Role.SPOC, "organisation": free.pk},
    )
    import re as _re

    assert response.status_code == 302, _re.findall(r"errorlist[^>]*>(.*?)</ul>", response.content.decode(), _re.S)
    membership = Membership.objects.get(partnership=a.partnership, user=world.outsider)
    assert (membership.role, membership.organisation) == (Role.SPOC, free)
    assert AuditEvent.objects.filter(partnership=a.partnership, actor=staff, action="membership.create").count() == 1


def test_staff_change_a_role_in_the_admin_through_the_service(staff, client, world):
    a = world.a
    membership = Membership.objects.get(partnership=a.partnership, user=a.viewer)
    response = client.post(
        reverse("admin:partnerships_membership_change", args=[membership.pk]),
        {"user": a.viewer.pk, "role": Role.BOARD},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    membership.refresh_from_db()
    assert membership.role == Role.BOARD
    assert AuditEvent.objects.filter(partnership=a.partnership, actor=staff, action__startswith="membership.").exists()


def test_staff_revoke_a_leaked_token_in_the_admin_and_it_is_audited(staff, client, world):
    from partnerships.services import tokens as services_tokens

    a = world.a
    token, secret = services_tokens.token_create(actor=a.spoc_police, name="Force data team")
    response = client.post(
        reverse("admin:partnerships_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert services_tokens.token_for_secret(secret) is None
    assert AuditEvent.objects.filter(partnership=a.partnership, action="apitoken.revoke", actor=staff).exists()
    # The list never shows the secret's hash
    page = client.get(reverse("admin:partnerships_apitoken_change", args=[token.pk])).content.decode()
    assert token.secret_hash not in page
