"""Peer review of a self-assessment round: Northvale's coordinator invites Southmoor to review a round;
bad invitations (its own partnership, twice, a partnership that does not exist, a round still being
prepared, by someone who is not a coordinator) are refused with a message and nothing written; every
invitation, withdrawal, feedback and reading goes to Northvale's audit log."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplans.learning.models import PeerReview
from actionplans.learning.services import peer_review as services
from partnerships.models import AuditEvent

from .learning_helpers import make_round

pytestmark = pytest.mark.django_db


def refused(call, **kwargs) -> str:
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        call(**kwargs)
    assert AuditEvent.objects.count() == events
    return " ".join(error.value.messages)


def test_the_coordinator_invites_another_partnership_by_its_name_or_its_address(a, b):
    made = make_round(a)
    invitation = services.peer_review_invite(actor=a.coordinator, round=made, reviewer="southmoor")
    assert (invitation.partnership, invitation.reviewer, invitation.invited_by) == (
        a.partnership,
        b.partnership,
        a.coordinator,
    )
    event = AuditEvent.objects.get(action="peer_review.invite")
    assert event.partnership == a.partnership and event.actor == a.coordinator
    services.peer_review_withdraw(actor=a.coordinator, invitation=invitation)
    again = services.peer_review_invite(actor=a.coordinator, round=made, reviewer=f"  {b.partnership.name.upper()}  ")
    assert again.reviewer == b.partnership and again.pk != invitation.pk


@pytest.mark.parametrize(
    ("reviewer", "message"),
    [
        ("northvale", "cannot review its own round"),
        ("Nowhere Partnership", "No partnership on ASPM is called “Nowhere Partnership”"),
        ("", "Give the name of the partnership"),
    ],
)
def test_a_bad_invitation_is_refused_and_nothing_is_written(a, reviewer, message):
    made = make_round(a)
    assert message in refused(services.peer_review_invite, actor=a.coordinator, round=made, reviewer=reviewer)
    assert not PeerReview.objects.exists()


def test_the_same_partnership_cannot_be_invited_twice_for_a_round(a, b):
    made = make_round(a)
    services.peer_review_invite(actor=a.coordinator, round=made, reviewer=b.partnership)
    message = refused(services.peer_review_invite, actor=a.coordinator, round=made, reviewer="southmoor")
    assert "already invited" in message
    assert PeerReview.objects.count() == 1


def test_a_round_being_prepared_cannot_be_reviewed_yet(a, b):
    draft = make_round(a, open=False)
    assert "open it before" in refused(
        services.peer_review_invite, actor=a.coordinator, round=draft, reviewer="southmoor"
    )
    assert not PeerReview.objects.exists()


@pytest.mark.parametrize("role", ["spoc_police", "board", "viewer"])
def test_only_a_coordinator_invites_or_withdraws(a, b, role):
    made = make_round(a)
    message = refused(services.peer_review_invite, actor=a.user(role), round=made, reviewer="southmoor")
    assert "Only the coordinators" in message
    invitation = services.peer_review_invite(actor=a.coordinator, round=made, reviewer="southmoor")
    assert "Only the coordinators" in refused(services.peer_review_withdraw, actor=a.user(role), invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.is_active


def test_a_withdrawn_invitation_cannot_be_withdrawn_again(a, b):
    invitation = services.peer_review_invite(actor=a.coordinator, round=make_round(a), reviewer="southmoor")
    services.peer_review_withdraw(actor=a.coordinator, invitation=invitation)
    assert AuditEvent.objects.filter(partnership=a.partnership, action="peer_review.withdraw").count() == 1
    assert "already withdrawn" in refused(services.peer_review_withdraw, actor=a.coordinator, invitation=invitation)


def test_the_reviewer_leaves_feedback_within_the_limit_and_the_host_log_keeps_it(a, b):
    invitation = services.peer_review_invite(actor=a.coordinator, round=make_round(a), reviewer="southmoor")
    assert "2,000 characters" in refused(
        services.peer_review_feedback, actor=b.coordinator, invitation=invitation, feedback="x" * 2001
    )
    assert "Write your feedback" in refused(
        services.peer_review_feedback, actor=b.coordinator, invitation=invitation, feedback="  "
    )
    assert "Only a coordinator of the invited" in refused(
        services.peer_review_feedback, actor=b.spoc_police, invitation=invitation, feedback="Looks thorough."
    )
    services.peer_review_feedback(actor=b.coordinator, invitation=invitation, feedback="Strong on governance.")
    invitation.refresh_from_db()
    assert (invitation.feedback, invitation.feedback_by) == ("Strong on governance.", b.coordinator)
    event = AuditEvent.objects.get(action="peer_review.feedback")
    assert (event.partnership, event.actor) == (a.partnership, b.coordinator)
    assert not AuditEvent.objects.filter(partnership=b.partnership, action__startswith="peer_review").exists()


def test_each_reading_by_a_reviewer_is_in_the_host_log_once_a_day(a, b, login):
    invitation = services.peer_review_invite(actor=a.coordinator, round=make_round(a), reviewer="southmoor")
    client = login(b.coordinator)
    url = reverse("peer_review", args=[invitation.pk])
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    viewed = AuditEvent.objects.filter(action="peer_review.viewed")
    assert [(e.partnership, e.actor, e.object_id) for e in viewed] == [
        (a.partnership, b.coordinator, str(invitation.pk))
    ]


def test_the_host_coordinator_invites_from_the_round_page_and_sees_the_feedback(a, b, login):
    made = make_round(a)
    client = login(a.coordinator)
    page = reverse("learning:assessment", args=[a.slug, made.pk])
    assert "Invite a peer reviewer" in client.get(page).content.decode()
    response = client.post(reverse("learning:assessment_peer_invite", args=[a.slug, made.pk]), {"reviewer": "Atlantis"})
    body = response.content.decode()
    assert response.status_code == 422 and "There is a problem" in body and "No partnership on ASPM is called" in body
    assert not PeerReview.objects.exists()
    response = client.post(
        reverse("learning:assessment_peer_invite", args=[a.slug, made.pk]), {"reviewer": "Southmoor"}
    )
    assert response.status_code == 302
    invitation = PeerReview.objects.get()
    services.peer_review_feedback(actor=b.coordinator, invitation=invitation, feedback="Record keeping needs a plan.")
    body = client.get(page).content.decode()
    assert "Southmoor" in body and "Record keeping needs a plan." in body and "Withdraw" in body
    client.post(reverse("learning:assessment_peer_withdraw", args=[a.slug, made.pk, invitation.pk]))
    invitation.refresh_from_db()
    assert not invitation.is_active
    assert "Withdrawn" in client.get(page).content.decode()


def test_members_who_do_not_coordinate_see_no_peer_review_section(a, b, login):
    made = make_round(a)
    services.peer_review_invite(actor=a.coordinator, round=made, reviewer="southmoor")
    body = login(a.board).get(reverse("learning:assessment", args=[a.slug, made.pk])).content.decode()
    assert "Peer review" not in body and "Southmoor" not in body


def test_the_reviewing_coordinator_finds_the_peer_reviews_from_their_own_rounds_page(a, b, login):
    services.peer_review_invite(actor=a.coordinator, round=make_round(a), reviewer="southmoor")
    own_rounds = reverse("learning:assessments", args=[b.slug])
    assert reverse("peer_reviews") in login(b.coordinator).get(own_rounds).content.decode()
    assert reverse("peer_reviews") not in login(b.board).get(own_rounds).content.decode()


def test_the_host_audit_page_lists_the_peer_review_events(a, b, login):
    invitation = services.peer_review_invite(actor=a.coordinator, round=make_round(a), reviewer="southmoor")
    login(b.coordinator).get(reverse("peer_review", args=[invitation.pk]))
    body = login(a.coordinator).get(reverse("partnerships:audit", args=[a.slug])).content.decode()
    assert "Peer review invitation sent" in body and "Peer review read by the reviewer" in body
    assert b.coordinator.full_name in body
