"""Inviting people, accepting once, expiry, and the rules on roles and the last coordinator."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partnerships import services
from partnerships.models import AuditEvent, Invitation, Membership, Role

pytestmark = pytest.mark.django_db


def _invite(client, side, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("partnerships:member_invite", kwargs={"slug": side.slug}), data)


def _link_in_last_email():
    return re.search(r"http://testserver(/invitations/[^/\s]+/)", mail.outbox[-1].body).group(1)


def test_coordinator_invites_a_person_who_sets_a_password_and_joins(
    a, login, client, django_capture_on_commit_callbacks
):
    _invite(
        login(a.coordinator), a, django_capture_on_commit_callbacks, email="Nadia.Hussain@Example.org", role="board"
    )
    assert mail.outbox[-1].to == ["nadia.hussain@example.org"]
    link = _link_in_last_email()
    client.logout()
    page = client.get(link)
    assert "Join Northvale" in page.content.decode()
    response = client.post(
        link, {"full_name": "Nadia Hussain", "password1": "a-long-passphrase-41", "password2": "a-long-passphrase-41"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="nadia.hussain@example.org")
    assert membership.role == Role.BOARD and membership.partnership == a.partnership
    assert client.get(reverse("partnerships:home", kwargs={"slug": a.slug})).status_code == 200


def test_an_invitation_works_only_once(a, login, client, django_capture_on_commit_callbacks):
    _invite(login(a.coordinator), a, django_capture_on_commit_callbacks, email="once@example.org", role="viewer")
    link = _link_in_last_email()
    client.logout()
    client.post(
        link, {"full_name": "Once Only", "password1": "a-long-passphrase-41", "password2": "a-long-passphrase-41"}
    )
    client.logout()
    again = client.get(link)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()


def test_an_expired_invitation_says_so(a, client):
    invitation, token = services.invitation_create(
        actor=a.coordinator, partnership=a.partnership, email="late@example.org", role=Role.VIEWER
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(reverse("invitation_accept", kwargs={"token": token}))
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_a_withdrawn_invitation_says_so(a, client):
    invitation, token = services.invitation_create(
        actor=a.coordinator, partnership=a.partnership, email="gone@example.org", role=Role.VIEWER
    )
    services.invitation_revoke(actor=a.coordinator, invitation=invitation)
    assert "withdrawn" in client.get(reverse("invitation_accept", kwargs={"token": token})).content.decode()


def test_a_made_up_link_says_so(client, world):
    assert client.get(reverse("invitation_accept", kwargs={"token": "not-a-token"})).status_code == 410


def test_an_email_already_a_member_is_refused_with_a_message(a, login, django_capture_on_commit_callbacks):
    response = _invite(
        login(a.coordinator), a, django_capture_on_commit_callbacks, email=a.board.email.upper(), role="viewer"
    )
    assert response.status_code == 200
    assert "is already a member of this partnership" in response.content.decode()
    assert mail.outbox == []


def test_a_spoc_invitation_needs_an_organisation(a, login, django_capture_on_commit_callbacks):
    response = _invite(login(a.coordinator), a, django_capture_on_commit_callbacks, email="x@example.org", role="spoc")
    assert "Choose the organisation this partner SPOC reports for." in response.content.decode()


def test_an_organisation_has_one_spoc(a, login, django_capture_on_commit_callbacks):
    response = _invite(
        login(a.coordinator),
        a,
        django_capture_on_commit_callbacks,
        email="second@example.org",
        role="spoc",
        organisation=a.police.pk,
    )
    assert "already has a SPOC" in response.content.decode()


def test_an_organisation_of_another_partnership_cannot_be_chosen(a, b, login, django_capture_on_commit_callbacks):
    response = _invite(
        login(a.coordinator),
        a,
        django_capture_on_commit_callbacks,
        email="y@example.org",
        role="spoc",
        organisation=b.council.pk,
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Invitation.objects.filter(email="y@example.org").exists()


def test_an_existing_user_signs_in_to_accept(a, b, client, password):
    _invitation, token = services.invitation_create(
        actor=a.coordinator, partnership=a.partnership, email=b.board.email, role=Role.VIEWER
    )
    url = reverse("invitation_accept", kwargs={"token": token})
    assert "Sign in with" in client.get(url).content.decode()
    client.force_login(b.board, backend="django.contrib.auth.backends.ModelBackend")
    client.post(url)
    assert Membership.objects.filter(partnership=a.partnership, user=b.board, role=Role.VIEWER).exists()


def test_someone_signed_in_as_another_person_cannot_take_the_invitation(a, world, client):
    _invitation, token = services.invitation_create(
        actor=a.coordinator, partnership=a.partnership, email=world.b.viewer.email, role=Role.COORDINATOR
    )
    client.force_login(world.outsider, backend="django.contrib.auth.backends.ModelBackend")
    client.post(reverse("invitation_accept", kwargs={"token": token}))
    assert not Membership.objects.filter(partnership=a.partnership, user=world.outsider).exists()


def test_a_weak_password_is_refused_and_nothing_is_made(a, client):
    _invitation, token = services.invitation_create(
        actor=a.coordinator, partnership=a.partnership, email="weak@example.org", role=Role.VIEWER
    )
    response = client.post(
        reverse("invitation_accept", kwargs={"token": token}),
        {"full_name": "Weak", "password1": "password", "password2": "password"},
    )
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not Membership.objects.filter(user__email="weak@example.org").exists()


def test_the_last_coordinator_cannot_be_removed(a, login):
    response = login(a.coordinator).post(
        reverse("partnerships:member_remove", kwargs={"slug": a.slug, "pk": a.memberships["coordinator"].pk}),
        follow=True,
    )
    assert "last coordinator" in response.content.decode()
    assert Membership.objects.filter(pk=a.memberships["coordinator"].pk).exists()


def test_the_last_coordinator_cannot_become_a_viewer(a, login):
    response = login(a.coordinator).post(
        reverse("partnerships:member_edit", kwargs={"slug": a.slug, "pk": a.memberships["coordinator"].pk}),
        {"role": "viewer"},
    )
    assert "last coordinator" in response.content.decode()
    assert Membership.objects.get(pk=a.memberships["coordinator"].pk).role == Role.COORDINATOR


def test_a_second_coordinator_makes_stepping_down_possible(a, login):
    services.membership_change_role(actor=a.coordinator, membership=a.memberships["board"], role=Role.COORDINATOR)
    login(a.coordinator).post(
        reverse("partnerships:member_remove", kwargs={"slug": a.slug, "pk": a.memberships["coordinator"].pk})
    )
    assert not Membership.objects.filter(pk=a.memberships["coordinator"].pk).exists()


def test_changing_a_role_is_audited_with_before_and_after(a, login):
    login(a.coordinator).post(
        reverse("partnerships:member_edit", kwargs={"slug": a.slug, "pk": a.memberships["viewer"].pk}),
        {"role": "board"},
    )
    event = AuditEvent.objects.filter(partnership=a.partnership, action="membership.change_role").get()
    assert event.changes == {"role": ["viewer", "board"]}
    assert event.actor == a.coordinator
