"""A provider's annual review of a funding agreement: the provider's SPOC writes, saves and submits it;
the coordinator returns it with what to change or accepts it; members who read every return read it;
nobody else sees it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from indicators.models import AgreementReview
from indicators.strategy.services import funding_reviews as services
from partnerships.models import AuditEvent

from . import strategy_world as sw

pytestmark = pytest.mark.django_db


def _review_url(side, agreement, organisation, year=2025):
    return reverse("strategy:agreement_review", args=[side.slug, agreement.pk, organisation.pk, year])


def test_the_providers_spoc_saves_a_draft_then_submits_the_review(a, login):
    agreement = sw.agreement(a)
    spoc = login(a.spoc_charity)
    url = _review_url(a, agreement, a.charity)
    assert spoc.post(url, {"save": "1", "surveys": "Half written."}).status_code == 302
    review = AgreementReview.objects.get()
    assert review.status == "draft" and review.surveys == "Half written."
    response = spoc.post(url, {"submit": "1", **sw.REVIEW_ANSWERS})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == "submitted" and review.submitted_by == a.spoc_charity
    assert AuditEvent.objects.filter(action="agreementreview.submit", object_id=str(review.pk)).exists()


def test_a_review_with_an_unanswered_question_is_not_submitted_and_the_question_is_named(a, login):
    agreement = sw.agreement(a)
    answers = sw.REVIEW_ANSWERS | {"training": ""}
    response = login(a.spoc_charity).post(_review_url(a, agreement, a.charity), {"submit": "1", **answers})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "Answer “Training” before you submit" in page
    assert "<title>Error: " in page
    assert not AgreementReview.objects.filter(status="submitted").exists()


def test_another_organisations_spoc_cannot_open_the_review_and_a_stranger_does_not_see_it_exists(a, b, login):
    agreement = sw.agreement(a)
    assert login(a.spoc_police).get(_review_url(a, agreement, a.charity)).status_code == 403
    assert login(b.coordinator).get(_review_url(a, agreement, a.charity)).status_code == 404


def test_a_year_outside_the_agreement_or_an_organisation_that_does_not_provide_it_is_not_found(a, login):
    agreement = sw.agreement(a)
    coordinator = login(a.coordinator)
    assert coordinator.get(_review_url(a, agreement, a.charity, year=2030)).status_code == 404
    assert coordinator.get(_review_url(a, agreement, a.police)).status_code == 404
    with pytest.raises(ValidationError, match="not a provider"):
        services.review_save(
            actor=a.coordinator, agreement=agreement, organisation=a.police, year_start=dt.date(2025, 4, 1)
        )


def test_a_board_member_reads_a_submitted_review_but_cannot_change_or_decide_it(a, login):
    review = sw.review(a)
    board = login(a.board)
    page = board.get(_review_url(a, review.agreement, a.charity)).content.decode()
    assert "The virtual hub opened." in page and "Accept the review" not in page
    assert board.post(_review_url(a, review.agreement, a.charity), {"submit": "1"}).status_code == 403
    accept = reverse("strategy:agreement_review_accept", args=[a.slug, review.pk])
    assert board.post(accept).status_code == 403


def test_the_coordinator_returns_the_review_the_provider_fixes_it_and_the_coordinator_accepts_it(a, login):
    review = sw.review(a)
    send_back = reverse("strategy:agreement_review_send_back", args=[a.slug, review.pk])
    login(a.coordinator).post(send_back, {"comment": "Say how many volunteers were trained."})
    review.refresh_from_db()
    assert review.status == "returned"
    url = _review_url(a, review.agreement, a.charity)
    spoc = login(a.spoc_charity)
    assert "Say how many volunteers were trained." in spoc.get(url).content.decode()
    spoc.post(url, {"submit": "1", **sw.REVIEW_ANSWERS, "training": "Twelve volunteers trained."})
    login(a.coordinator).post(reverse("strategy:agreement_review_accept", args=[a.slug, review.pk]))
    review.refresh_from_db()
    assert review.status == "accepted" and review.training == "Twelve volunteers trained."
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.review_save(
            actor=a.spoc_charity,
            agreement=review.agreement,
            organisation=a.charity,
            year_start=review.year_start,
            training="Changed after acceptance.",
        )


def test_returning_a_review_needs_a_reason(a):
    review = sw.review(a)
    with pytest.raises(ValidationError, match="Say what the provider should change"):
        services.review_send_back(actor=a.coordinator, review=review, comment="  ")
    review.refresh_from_db()
    assert review.status == "submitted"


def test_the_agreement_page_flags_a_review_past_its_due_date(a, login):
    agreement = sw.agreement(a)  # 2025/26 ended on 31 March 2026, so its reviews were due on 30 April 2026
    page = login(a.coordinator).get(reverse("strategy:agreement_detail", args=[a.slug, agreement.pk])).content.decode()
    row = next(r for r in page.split("<tr") if 'data-label="Year">2025/26' in r)
    assert "30/04/2026" in row and "Overdue" in row
    sw.review(a)  # a second agreement's review does not count for this one
    services.review_save(
        actor=a.spoc_charity,
        agreement=agreement,
        organisation=a.charity,
        year_start=dt.date(2025, 4, 1),
        submit=True,
        **sw.REVIEW_ANSWERS,
    )
    page = login(a.coordinator).get(reverse("strategy:agreement_detail", args=[a.slug, agreement.pk])).content.decode()
    row = next(r for r in page.split("<tr") if 'data-label="Year">2025/26' in r)
    assert "Submitted" in row and "Overdue" not in row
