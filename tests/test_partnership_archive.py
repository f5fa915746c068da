"""A partnership is archived, never deleted; the admin writes through the services and offers no
delete the services do not (issue 17, point 2)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.urls import reverse

from aspm.errors import ConflictError
from partnerships import services
from partnerships.models import AuditEvent, Invitation, Membership, Organisation, Partnership, Role, User

from .api_helpers import ApiClient, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser(email="support@aspm.test", password="x-long-password-1", full_name="Sue Port")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return user


def _archive(side, actor=None):
    return services.partnership_archive(actor=actor, partnership=side.partnership, reason="Merged into Westdale")


def test_an_archived_partnership_is_a_404_for_its_members_on_pages_and_the_api(a, login):
    token = token_for(a.coordinator)
    _archive(a)
    client = login(a.coordinator)
    assert client.get(reverse("partnerships:home", kwargs={"slug": a.slug})).status_code == 404
    assert client.get(reverse("actions:plan", kwargs={"slug": a.slug})).status_code == 404
    assert ApiClient(token).get(f"/api/v1/p/{a.slug}/actions/").status_code == 404


def test_an_archived_partnership_leaves_its_members_list_of_partnerships(a, login):
    _archive(a)
    page = login(a.coordinator).get(reverse("home"))
    assert page.status_code == 200
    assert a.partnership.name not in page.content.decode()


def test_the_other_partnership_is_untouched_by_an_archive(a, b, login):
    _archive(a)
    assert login(b.coordinator).get(reverse("partnerships:home", kwargs={"slug": b.slug})).status_code == 200


def test_archiving_keeps_the_data_and_audit_log_and_records_who_and_why(a):
    members, events = Membership.objects.filter(partnership=a.partnership).count(), AuditEvent.objects.count()
    _archive(a, actor=a.coordinator)
    a.partnership.refresh_from_db()
    assert a.partnership.archived_at is not None and not a.partnership.is_active
    assert Membership.objects.filter(partnership=a.partnership).count() == members
    event = AuditEvent.objects.get(partnership=a.partnership, action="partnership.archive")
    assert event.actor == a.coordinator and event.changes["reason"] == [None, "Merged into Westdale"]
    assert AuditEvent.objects.count() == events + 1


def test_archiving_needs_a_reason_and_a_second_archive_is_a_conflict(a):
    with pytest.raises(ValidationError, match="Say why"):
        services.partnership_archive(actor=None, partnership=a.partnership, reason="  ")
    _archive(a)
    with pytest.raises(ConflictError, match="already archived"):
        _archive(a)


def test_an_invitation_to_an_archived_partnership_cannot_be_used(a):
    _invitation, token = services.invitation_create(
        actor=a.coordinator, partnership=a.partnership, email="late@example.org", role=Role.VIEWER
    )
    _archive(a)
    with pytest.raises(services.InvitationError, match="archived"):
        services.invitation_for_token(token)


def test_deleting_a_partnership_cannot_take_its_audit_log_with_it(a):
    with pytest.raises(ProtectedError):
        Partnership.objects.filter(pk=a.partnership.pk).delete()
    assert AuditEvent.objects.filter(partnership=a.partnership).exists()


# --- the admin ------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["partnership", "membership", "invitation", "user"])
def test_the_admin_offers_no_delete_for_partnerships_memberships_invitations_or_people(staff, client, world, model):
    a = world.a
    services.invitation_create(actor=a.coordinator, partnership=a.partnership, email="x@example.org", role=Role.VIEWER)
    obj = {
        "partnership": a.partnership,
        "membership": Membership.objects.filter(partnership=a.partnership).first(),
        "invitation": Invitation.objects.filter(partnership=a.partnership).first(),
        "user": a.viewer,
    }[model]
    response = client.post(reverse(f"admin:partnerships_{model}_delete", args=[obj.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()
    changelist = client.get(reverse(f"admin:partnerships_{model}_changelist")).content.decode()
    assert 'value="delete_selected"' not in changelist


def test_staff_archive_a_partnership_in_the_admin_with_a_reason(staff, client, world):
    a = world.a
    url = reverse("admin:partnerships_partnership_change", args=[a.partnership.pk])
    response = client.post(
        url,
        {
            "name": a.partnership.name,
            "area": "Northvale and Eastvale",
            "financial_year_start_month": 4,
            "archive_reason": "The partnership has closed",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    a.partnership.refresh_from_db()
    assert a.partnership.archived_at is not None and a.partnership.area == "Northvale and Eastvale"
    assert AuditEvent.objects.filter(partnership=a.partnership, actor=staff, action="partnership.update").exists()
    archive = AuditEvent.objects.get(partnership=a.partnership, actor=staff, action="partnership.archive")
    assert archive.changes["reason"] == [None, "The partnership has closed"]


def test_archiving_in_the_admin_a_partnership_archived_meanwhile_is_a_message_not_an_error(staff, client, world):
    a = world.a
    url = reverse("admin:partnerships_partnership_change", args=[a.partnership.pk])
    services.partnership_archive(actor=staff, partnership=a.partnership, reason="Closed by another member of staff")
    response = client.post(
        url,
        {"name": a.partnership.name, "area": a.partnership.area, "financial_year_start_month": 4,
         "archive_reason": "The partnership has closed"},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    assert AuditEvent.objects.filter(partnership=a.partnership, action="partnership.archive").count() == 1


def test_staff_change_an_organisation_in_the_admin_through_the_service_and_it_is_audited(staff, client, world):
    a = world.a
    url = reverse("admin:partnerships_organisation_change", args=[a.charity.pk])
    response = client.post(url, {"name": "Northvale Survivor Care", "sector": a.charity.sector, "is_active": "on"})
    assert response.status_code == 302, response.content.decode()[:3000]
    a.charity.refresh_from_db()
    assert a.charity.name == "Northvale Survivor Care"
    assert AuditEvent.objects.filter(partnership=a.partnership, actor=staff, action="organisation.update").exists()

    clash = client.post(url, {"name": a.police.name.upper(), "sector": a.charity.sector, "is_active": "on"})
    assert clash.status_code == 200 and "errorlist" in clash.content.decode()
    a.charity.refresh_from_db()
    assert a.charity.name == "Northvale Survivor Care"


def test_staff_delete_an_unused_organisation_through_the_service_and_one_in_use_is_refused(staff, client, world):
    a = world.a
    spare = services.organisation_create(actor=a.coordinator, partnership=a.partnership, name="Spare", sector="other")
    response = client.post(reverse("admin:partnerships_organisation_delete", args=[spare.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=spare.pk).exists()
    assert AuditEvent.objects.filter(partnership=a.partnership, actor=staff, action="organisation.delete").exists()

    refused = client.post(
        reverse("admin:partnerships_organisation_delete", args=[a.police.pk]), {"post": "yes"}, follow=True
    )
    assert "Cannot delete organisation" in refused.content.decode()  # its SPOC's membership protects it
    assert Organisation.objects.filter(pk=a.police.pk).exists()
