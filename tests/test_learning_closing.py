"""The coordinator closes a self-assessment round or a feedback form: the close is audited, asked to be
confirmed on the page, and afterwards no rating or answer is taken, with a message saying why."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplans.learning.models import AssessmentRating, FeedbackResponse, RoundStatus
from actionplans.learning.services import feedback
from actionplans.learning.services import self_assessment as services
from partnerships.models import AuditEvent

from .learning_helpers import make_feedback_form, make_round

pytestmark = pytest.mark.django_db


def round_url(side, made, name="learning:assessment", **kw):
    return reverse(name, kwargs={"slug": side.slug, "pk": made.pk, **kw})


def test_the_coordinator_closes_an_open_round_and_the_close_is_audited(a):
    made = make_round(a)
    services.round_close(actor=a.coordinator, round=made)
    made.refresh_from_db()
    assert made.status == RoundStatus.CLOSED
    event = AuditEvent.objects.get(action="assessmentround.close", object_id=str(made.pk))
    assert event.actor == a.coordinator and event.changes["status"] == ["open", "closed"]


def test_a_round_being_prepared_or_already_closed_cannot_be_closed(a):
    draft = make_round(a, title="Draft round", open=False)
    with pytest.raises(ValidationError, match="Only an open round can close"):
        services.round_close(actor=a.coordinator, round=draft)
    made = make_round(a)
    services.round_close(actor=a.coordinator, round=made)
    with pytest.raises(ValidationError, match="already closed"):
        services.round_close(actor=a.coordinator, round=made)


def test_a_closed_round_takes_no_more_ratings_and_nothing_is_written(a):
    made = make_round(a)
    services.round_close(actor=a.coordinator, round=made)
    with pytest.raises(ValidationError, match="The round is closed: it takes no more ratings."):
        services.rating_record(
            actor=a.spoc_police, statement=made.statements.get(code="DAT1"), organisation=a.police, level=3
        )
    assert not AssessmentRating.objects.exists()


def test_the_round_page_asks_to_confirm_the_close_and_the_rating_page_then_says_it_is_closed(a, login):
    made = make_round(a)
    close_url = round_url(a, made, "learning:assessment_close")
    page = login(a.coordinator).get(round_url(a, made)).content.decode()
    assert close_url in page and "Yes, close the round" in page
    response = login(a.coordinator).post(close_url, follow=True)  # not confirmed: still open
    assert "confirm with “Yes, close the round”" in response.content.decode()
    made.refresh_from_db()
    assert made.status == RoundStatus.OPEN
    response = login(a.coordinator).post(close_url, {"confirm": "yes"}, follow=True)
    assert "The round is closed: it takes no more ratings." in response.content.decode()

    own_page = login(a.spoc_police).get(round_url(a, made, "learning:assessment_organisation", org=a.police.pk))
    assert "The round is closed: it takes no more ratings." in own_page.content.decode()
    assert "Rate it" not in own_page.content.decode()
    rate_url = round_url(a, made, "learning:assessment_rate", org=a.police.pk, statement=made.statements.first().pk)
    page = login(a.spoc_police).get(rate_url).content.decode()
    assert "The round is closed: it takes no more ratings." in page and "Save the rating" not in page
    response = login(a.spoc_police).post(rate_url, {"level": "3"})
    assert response.status_code == 200 and not AssessmentRating.objects.exists()


def test_a_spoc_cannot_close_a_round(a, login):
    made = make_round(a)
    close_url = round_url(a, made, "learning:assessment_close")
    assert login(a.spoc_police).post(close_url, {"confirm": "yes"}).status_code == 403
    made.refresh_from_db()
    assert made.status == RoundStatus.OPEN


def test_closing_a_feedback_form_is_audited_as_its_close_and_it_takes_no_more_answers(a, login):
    form = make_feedback_form(a)
    url = reverse("learning:feedback_results", kwargs={"slug": a.slug, "pk": form.pk})
    close_url = reverse("learning:feedback_open", kwargs={"slug": a.slug, "pk": form.pk})
    page = login(a.coordinator).get(url).content.decode()
    assert "Close to answers" in page and "Yes, close the form" in page
    login(a.coordinator).post(close_url)  # not confirmed: still open
    form.refresh_from_db()
    assert form.is_open
    login(a.coordinator).post(close_url, {"confirm": "yes"})
    form.refresh_from_db()
    assert not form.is_open
    assert AuditEvent.objects.filter(action="feedbackform.close", object_id=str(form.pk)).count() == 1

    answer_url = reverse("learning:feedback_answer", kwargs={"slug": a.slug, "pk": form.pk})
    assert "This form is closed: it takes no more answers." in login(a.spoc_charity).get(answer_url).content.decode()
    with pytest.raises(ValidationError, match="This form is closed"):
        feedback.answers_record(actor=None, form=form, answers={"su_listened": 4}, threshold=5)
    with pytest.raises(ValidationError, match="already closed"):
        feedback.form_close(actor=a.coordinator, form=form)
    assert not FeedbackResponse.objects.exists()
