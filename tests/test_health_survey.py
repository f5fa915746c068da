"""The trust and communication survey: anonymous answers, one per member, results only when the
round is closed and enough people answered — comments included."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from partnerships import services
from partnerships.health import selectors as health_selectors
from partnerships.health.selectors import round_results
from partnerships.models import AuditEvent, Role, SurveyAnswer, SurveyParticipation, SurveyRound, User
from partnerships.services import survey

from .health_helpers import all_scores, open_round

pytestmark = pytest.mark.django_db


def _more_members(side, n):
    """Extra viewers, so that a round can reach the threshold of five."""
    memberships = []
    for i in range(n):
        user = User.objects.create_user(email=f"rep{i}@{side.slug}.test", password="x", full_name=f"Rep {i}")
        memberships.append(
            services.membership_create(actor=None, partnership=side.partnership, user=user, role=Role.VIEWER)
        )
    return memberships


def _answer(membership, round, score=4, comment=""):
    comments = {"share_data": comment} if comment else {}
    survey.survey_answer(membership=membership, round=round, scores=all_scores(score), comments=comments)


def test_a_closed_round_with_fewer_answers_than_the_threshold_shows_no_results_and_no_comments(a, login):
    round = open_round(a)
    for role in ("coordinator", "spoc_police", "spoc_charity", "board"):  # four: below the threshold of five
        _answer(a.memberships[role], round, comment=f"A telling remark by {role}")
    round = survey.survey_round_close(actor=a.coordinator, round=round)
    results = round_results(a.partnership, round)
    assert not results.shown and results.statements == [] and results.overall is None
    page = login(a.coordinator).get(reverse("health:survey_round", kwargs={"slug": a.slug, "pk": round.pk}))
    text = page.content.decode()
    assert "Not enough answers yet to show results without identifying anyone" in text
    assert "telling remark" not in text and "4.00" not in text


def test_enough_answers_in_a_closed_round_show_means_and_comments_in_alphabetical_order(a, login):
    round = open_round(a)
    members = [a.memberships[r] for r in ("coordinator", "spoc_police", "spoc_charity", "board", "viewer")]
    for i, m in enumerate(members):
        _answer(m, round, score=2 + (i % 3), comment="Zebra crossing" if i == 0 else ("Apples" if i == 1 else ""))
    round = survey.survey_round_close(actor=a.coordinator, round=round)
    results = round_results(a.partnership, round)
    share = next(s for s in results.statements if s.code == "share_data")
    assert results.shown and share.n == 5
    assert str(share.mean) == "2.80"  # scores 2, 3, 4, 2, 3
    assert str(share.agree) == "20.0"  # one of five answered 4 or 5
    assert share.comments == ["Apples", "Zebra crossing"]
    page = login(a.viewer).get(reverse("health:survey_round", kwargs={"slug": a.slug, "pk": round.pk}))
    assert "Zebra crossing" in page.content.decode()


def test_an_open_round_shows_no_results_even_with_enough_answers(a):
    round = open_round(a)
    for m in _more_members(a, 6):
        _answer(m, round)
    results = round_results(a.partnership, round)
    assert not results.shown and "once the round is closed" in results.reason


def test_a_statement_answered_by_too_few_people_is_withheld_on_its_own(a):
    round = open_round(a)
    members = _more_members(a, 5)
    for i, m in enumerate(members):
        scores = all_scores(4)
        if i < 2:
            scores["purpose_worth"] = None  # two people skip it: only three answers remain
        survey.survey_answer(membership=m, round=round, scores=scores, comments={"purpose_worth": ""})
    round = survey.survey_round_close(actor=a.coordinator, round=round)
    results = round_results(a.partnership, round)
    worth = next(s for s in results.statements if s.code == "purpose_worth")
    assert results.shown and not worth.shown and worth.mean is None and worth.comments == []


def test_a_member_cannot_answer_the_same_round_twice(a, login):
    round = open_round(a)
    _answer(a.memberships["spoc_police"], round)
    with pytest.raises(ValidationError, match="already answered"):
        _answer(a.memberships["spoc_police"], round)
    assert SurveyParticipation.objects.filter(round=round).count() == 1
    assert SurveyAnswer.objects.filter(round=round).count() == 12
    response = login(a.spoc_police).post(
        reverse("health:survey_answer", kwargs={"slug": a.slug, "pk": round.pk}), {"trust_rely": "1"}
    )
    assert response.status_code == 302
    assert SurveyAnswer.objects.filter(round=round).count() == 12


def test_answers_cannot_be_linked_to_a_person(a):
    fields = {f.name: f for f in SurveyAnswer._meta.get_fields()}
    related = {name for name, f in fields.items() if f.is_relation}
    assert related == {"partnership", "round"}, "an answer must not point at a user or a membership"
    assert not any(isinstance(f, models.DateField | models.DateTimeField | models.TimeField) for f in fields.values())
    assert isinstance(SurveyAnswer._meta.pk, models.UUIDField), (
        "a sequential key could be matched to the order of answering"
    )
    assert not SurveyAnswer._meta.ordering
    round = open_round(a)
    _answer(a.memberships["board"], round, comment="Meetings run late")
    event = AuditEvent.objects.get(action="surveyround.answer")
    assert event.object_id == str(round.pk) and event.changes == {}
    assert "Meetings run late" not in str(AuditEvent.objects.values_list("changes", "object_repr"))


def test_an_answer_to_a_closed_round_is_refused_and_leaves_no_trace(a):
    round = open_round(a)
    round = survey.survey_round_close(actor=a.coordinator, round=round)
    round.refresh_from_db()
    with pytest.raises(ValidationError, match="closed"):
        _answer(a.memberships["viewer"], round)
    assert not SurveyParticipation.objects.exists() and not SurveyAnswer.objects.exists()


def test_scores_outside_one_to_five_and_empty_answers_are_refused(a):
    round = open_round(a)
    m = a.memberships["viewer"]
    with pytest.raises(ValidationError) as error:
        survey.survey_answer(membership=m, round=round, scores={"trust_rely": 7}, comments={})
    assert "trust_rely" in error.value.message_dict
    with pytest.raises(ValidationError, match="at least one"):
        survey.survey_answer(membership=m, round=round, scores={"trust_rely": None}, comments={})
    assert not SurveyParticipation.objects.exists()


def test_a_member_of_another_partnership_cannot_answer(a, b):
    with pytest.raises(ValidationError, match="another partnership"):
        _answer(b.memberships["viewer"], open_round(a))


def test_only_one_round_is_open_at_a_time(a):
    open_round(a)
    with pytest.raises(ValidationError, match="already open"):
        survey.survey_round_open(actor=a.coordinator, partnership=a.partnership, title="Second")
    assert SurveyRound.objects.count() == 1


def test_a_member_answers_through_the_form_and_is_thanked(a, login):
    round = open_round(a)
    client = login(a.spoc_charity)
    url = reverse("health:survey_answer", kwargs={"slug": a.slug, "pk": round.pk})
    assert "Your answers are anonymous" in client.get(url).content.decode()
    response = client.post(url, {"trust_rely": "5", "trust_rely_comment": "Good", "comm_timely": "2"}, follow=True)
    assert "your answers are recorded, without your name" in response.content.decode()
    assert sorted(SurveyAnswer.objects.values_list("statement", "score")) == [("comm_timely", 2), ("trust_rely", 5)]


def test_a_comment_without_a_score_is_refused_with_a_plain_message(a, login):
    round = open_round(a)
    url = reverse("health:survey_answer", kwargs={"slug": a.slug, "pk": round.pk})
    response = login(a.viewer).post(url, {"trust_rely": "4", "comm_timely_comment": "Slow replies"})
    assert response.status_code == 200
    assert "Choose a score for this statement to add a comment to it." in response.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_the_home_page_invites_members_to_an_open_round_until_they_answer(a, login):
    home = reverse("partnerships:home", kwargs={"slug": a.slug})
    client = login(a.board)
    assert "Answer the survey" not in client.get(home).content.decode()
    round = open_round(a)
    assert "Answer the survey" in client.get(home).content.decode()
    _answer(a.memberships["board"], round)
    assert "Answer the survey" not in client.get(home).content.decode()


def test_a_member_removed_and_invited_back_has_still_answered_and_the_count_stays(a):
    round = open_round(a)
    viewer = a.memberships["viewer"]
    _answer(viewer, round)
    services.membership_remove(actor=a.coordinator, membership=viewer)
    assert SurveyParticipation.objects.filter(round=round).count() == 1  # their answer still counts
    back = services.membership_create(actor=a.coordinator, partnership=a.partnership, user=a.viewer, role=Role.VIEWER)
    assert health_selectors.has_answered(back, round)
    with pytest.raises(ValidationError, match="already answered"):
        _answer(back, round)
