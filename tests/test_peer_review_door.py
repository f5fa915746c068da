"""The peer reviewer's door, /peer-reviews/: Northvale invites Southmoor to review one round. Only
Southmoor's coordinators read that round, and only while the invitation stands; everyone else gets a
404 (Northvale's own members, Southmoor's SPOCs, board and viewer, a third partnership's coordinator,
the outsider), and the reviewer reaches nothing else of Northvale through the tenancy door."""

import pytest
from django.conf import settings
from django.urls import reverse

from actionplans.learning.models import PeerReview
from actionplans.learning.services import peer_review as services
from actionplans.learning.services import self_assessment
from partnerships import services as partnership_services
from partnerships.models import AuditEvent, Sector

from .cast import ROLES, build_side
from .learning_helpers import make_round
from .query_sizes import flat_queries, ok
from .test_isolation_walk import _kwargs_for
from .url_walk import tenant_routes

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(world):
    made = make_round(world.a, title="Self-assessment 2026")
    statement = made.statements.get(code="GOV1")
    self_assessment.rating_record(actor=world.a.coordinator, statement=statement, organisation=world.a.police, level=1)
    return services.peer_review_invite(actor=world.a.coordinator, round=made, reviewer="southmoor")


@pytest.fixture
def eastfold(world):
    people = {role: f"Eastfold {role}" for role in ROLES}
    return build_side("eastfold", "Eastfold", people)


def status(client, user, url, method="get", data=None):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return getattr(client, method)(url, data or {}).status_code


def test_a_coordinator_of_the_invited_partnership_reads_the_round_and_nothing_links_into_the_host(
    world, invitation, login
):
    client = login(world.b.coordinator)
    listing = client.get(reverse("peer_reviews")).content.decode()
    assert "Self-assessment 2026" in listing and world.a.partnership.name in listing
    page = client.get(reverse("peer_review", args=[invitation.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Results by statement and organisation" in body and world.a.police.name in body
    assert "Gaps" in body and "1 organisation at 1 (Not in place)" in body
    assert f"/p/{world.a.slug}/" not in body


def test_everyone_else_gets_404_for_the_review(world, invitation, eastfold, client):
    url = reverse("peer_review", args=[invitation.pk])
    others = [world.a.user(role) for role in ROLES]
    others += [world.b.user(role) for role in ROLES if role != "coordinator"]
    others += [eastfold.coordinator, world.outsider]
    answers = {
        user.email: (status(client, user, url), status(client, user, url, "post", {"feedback": "Hi"}))
        for user in others
    }
    assert answers == {user.email: (404, 404) for user in others}
    assert not PeerReview.objects.exclude(feedback="").exists()
    assert not AuditEvent.objects.filter(action="peer_review.viewed").exists()
    for user in others:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        assert "Self-assessment 2026" not in client.get(reverse("peer_reviews")).content.decode()


def test_an_anonymous_visitor_is_sent_to_sign_in(invitation, client):
    for url in (reverse("peer_reviews"), reverse("peer_review", args=[invitation.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse(settings.LOGIN_URL))


def test_after_withdrawal_the_reviewer_gets_404_and_the_list_is_empty(world, invitation, client):
    url = reverse("peer_review", args=[invitation.pk])
    assert status(client, world.b.coordinator, url) == 200
    services.peer_review_withdraw(actor=world.a.coordinator, invitation=invitation)
    assert status(client, world.b.coordinator, url) == 404
    assert status(client, world.b.coordinator, url, "post", {"feedback": "Late"}) == 404
    assert "Self-assessment 2026" not in client.get(reverse("peer_reviews")).content.decode()


def test_a_deactivated_host_closes_the_door(world, invitation, client):
    world.a.partnership.is_active = False
    world.a.partnership.save(update_fields=["is_active"])
    assert status(client, world.b.coordinator, reverse("peer_review", args=[invitation.pk])) == 404


def test_the_reviewer_reaches_no_other_page_of_the_host(world, invitation, client):
    other_round = make_round(world.a, title="Self-assessment 2025")
    client.force_login(world.b.coordinator, backend="django.contrib.auth.backends.ModelBackend")
    a = world.a.slug
    for url in (
        f"/p/{a}/",
        reverse("learning:assessments", args=[a]),
        reverse("learning:assessment", args=[a, invitation.round.pk]),
        reverse("learning:assessment", args=[a, other_round.pk]),
        reverse("learning:assessment_organisation", args=[a, invitation.round.pk, world.a.police.pk]),
    ):
        assert client.get(url).status_code == 404, url
    leaks = []
    for route in tenant_routes():
        url = reverse(route.name, kwargs={"slug": a, **_kwargs_for(route, world.a)})
        if client.get(url).status_code != 404:
            leaks.append(url)
    assert leaks == []


def test_the_feedback_form_refuses_too_long_a_text_and_keeps_a_short_one(world, invitation, login):
    client = login(world.b.coordinator)
    url = reverse("peer_review", args=[invitation.pk])
    response = client.post(url, {"feedback": "x" * 2001})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert client.post(url, {"feedback": "Clear evidence on governance."}).status_code == 302
    invitation.refresh_from_db()
    assert (invitation.feedback, invitation.feedback_by) == ("Clear evidence on governance.", world.b.coordinator)


def test_the_review_page_takes_the_same_queries_at_two_sizes(world, invitation, login):
    client = login(world.b.coordinator)
    url = reverse("peer_review", args=[invitation.pk])
    made = invitation.round
    grown = []

    def grow(n):
        for _ in range(n):
            grown.append(None)
            org = partnership_services.organisation_create(
                actor=None, partnership=world.a.partnership, name=f"Organisation {len(grown)}", sector=Sector.NGO
            )
            for code in ("GOV1", "DAT1"):
                self_assessment.rating_record(
                    actor=None, statement=made.statements.get(code=code), organisation=org, level=1 + len(grown) % 4
                )

    # the session and user, the switcher's memberships; the door's invitation; whether today's reading is
    # logged; the statements, their ratings and actions; the organisations; the previous round
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=11)
