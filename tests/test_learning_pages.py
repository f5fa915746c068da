"""The recommendations register's pages: the register and board for every member, adding and answering
for the coordinator, progress notes for the owner's SPOC, and the source document behind the door."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplans.learning import services
from actionplans.learning.models import Recommendation, RecommendationChange
from actionplans.models import Action

from .learning_helpers import accepted, make_recommendation
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db

PINNED = 6  # session, user, membership, messages; the recommendations; their actions
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _url(side, name, rec=None):
    return reverse(f"learning:{name}", kwargs={"slug": side.slug, **({"pk": rec.pk} if rec else {})})


@pytest.mark.parametrize("name", ["register", "board"])
def test_a_viewer_reads_the_register_and_the_board(a, login, name):
    rec = make_recommendation(a, reference="2.1")
    content = login(a.viewer).get(_url(a, name)).content.decode()
    assert "2.1 Share intelligence with housing teams" in content
    assert "Add a recommendation" not in content
    assert login(a.viewer).get(_url(a, "detail", rec)).status_code == 200


def test_someone_of_another_partnership_gets_not_found(a, b, login):
    rec = make_recommendation(a)
    assert (
        login(b.coordinator).get(reverse("learning:detail", kwargs={"slug": b.slug, "pk": rec.pk})).status_code == 404
    )
    assert login(b.coordinator).get(_url(a, "register")).status_code == 404


def test_the_coordinator_adds_a_recommendation_with_its_report(a, login):
    data = {
        "source_kind": "inspection",
        "source_title": "Joint inspection 2026",
        "text": "Agree one referral pathway for adults",
        "owner_organisation": a.council.pk,
        "due_date": "2027-03-31",
        "source_document": SimpleUploadedFile("inspection.pdf", PDF, content_type="application/pdf"),
    }
    response = login(a.coordinator).post(_url(a, "create"), data)
    rec = Recommendation.objects.get(source_title="Joint inspection 2026")
    assert response.status_code == 302
    download = login(a.viewer).get(_url(a, "document", rec))  # learning:document, served only to members
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_web_page_passed_off_as_the_report_is_refused_and_nothing_is_added(a, login):
    data = {
        "source_kind": "inspection",
        "source_title": "Joint inspection 2026",
        "text": "Agree one referral pathway",
        "owner_organisation": a.council.pk,
        "source_document": SimpleUploadedFile("report.pdf", b"<html><script>x</script></html>"),
    }
    page = login(a.coordinator).post(_url(a, "create"), data).content.decode()
    assert "There is a problem" in page
    assert "not accepted" in page
    assert not Recommendation.objects.exists()


def test_a_partial_acceptance_without_reasons_is_shown_in_the_error_summary(a, login):
    rec = make_recommendation(a)
    page = login(a.coordinator).post(_url(a, "respond", rec), {"response": "partly", "reasons": ""}).content.decode()
    assert "There is a problem" in page
    assert "Give the reasons" in page
    rec.refresh_from_db()
    assert rec.response == "pending"


def test_one_click_adds_the_actions_and_a_second_click_adds_none(a, login):
    rec = accepted(a)
    client = login(a.coordinator)
    client.post(_url(a, "make_actions", rec), {"titles": "Brief housing officers\nShare the referral form"})
    assert set(rec.actions.values_list("title", flat=True)) == {"Brief housing officers", "Share the referral form"}
    response = client.post(_url(a, "make_actions", rec), {"titles": "Again"}, follow=True)
    assert "already been turned into actions" in response.content.decode()
    assert Action.objects.count() == 2
    action_page = client.get(reverse("actions:detail", kwargs={"slug": a.slug, "pk": rec.actions.first().pk}))
    assert "Raised from" in action_page.content.decode()


def test_the_owners_spoc_adds_a_progress_note_and_another_spoc_cannot(a, login):
    # learning:note is an "own organisation" right (tests/access_registry/learning.py)
    rec = make_recommendation(a, organisation=a.police)
    assert login(a.spoc_police).post(_url(a, "note", rec), {"note": "Draft protocol out."}).status_code == 302
    assert rec.history.last().note == "Draft protocol out."
    assert login(a.spoc_charity).post(_url(a, "note", rec), {"note": "Sneaky"}).status_code == 403
    assert login(a.board).post(_url(a, "note", rec), {"note": "Sneaky"}).status_code == 403
    assert not RecommendationChange.objects.filter(note="Sneaky").exists()


def test_a_recommendation_without_a_document_has_none_to_download(a, login):
    rec = make_recommendation(a)
    assert login(a.viewer).get(_url(a, "document", rec)).status_code == 404


def _grow(side):
    def grow(n):
        for _ in range(n):
            rec = accepted(side, reference=f"{Recommendation.objects.count() + 1}")
            services.recommendation_make_actions(actor=side.coordinator, recommendation=rec)

    return grow


@pytest.mark.parametrize("name", ["register", "board"])
def test_the_register_and_board_read_the_same_queries_at_two_sizes(a, login, name):
    client = login(a.viewer)
    flat_queries(grow=_grow(a), measure=lambda: ok(client.get(_url(a, name))), pinned=PINNED)
