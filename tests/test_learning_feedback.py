"""Feedback from service users and training follow-ups: answers kept anonymously (the date, nothing
about who or when within the day), free text with personal data or over the limit refused with nothing
written, results per question hidden below the partnership's small-count threshold, only the running
organisation's worker enters answers (learning:feedback_answer), and "You said, we did" linked to actions."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from actionplans import clock
from actionplans.learning import feedback_selectors as selectors
from actionplans.learning.models import FeedbackResponse, YouSaidWeDid
from actionplans.learning.models_feedback import FREE_TEXT_LIMIT
from actionplans.learning.services import feedback
from partnerships import services as partnership_services
from partnerships.models import AuditEvent

from .action_helpers import make_action
from .learning_helpers import make_feedback_form
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db

KIND_ANSWERS = {"su_listened": 5, "su_involved": 4, "su_language": 1, "su_change": "More evening appointments."}


@pytest.fixture
def support_form(a):
    return make_feedback_form(a)


def give_answers(form, n, answers=KIND_ANSWERS, actor=None):
    for _ in range(n):
        feedback.answers_record(actor=actor, form=form, answers=answers, threshold=5)


def answers_url(side, form, name="learning:feedback_answer"):
    return reverse(name, kwargs={"slug": side.slug, "pk": form.pk})


# ------------------------------------------------------------------ anonymity
def test_an_answer_keeps_no_person_no_address_and_no_time_finer_than_the_day(a, support_form, login):
    login(a.spoc_charity).post(
        answers_url(a, support_form),
        {"answered_on": clock.today().isoformat(), "su_listened": "5", "su_change": "Longer sessions."},
    )

    fields = {f.name: f for f in FeedbackResponse._meta.concrete_fields}
    assert set(fields) == {"id", "partnership", "form", "answered_on", "answers"}
    assert fields["answered_on"].get_internal_type() == "DateField"
    assert fields["id"].get_internal_type() == "UUIDField"  # random: the order of writing cannot be read
    assert FeedbackResponse._meta.db_table == "learning_feedbackresponse"
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM learning_feedbackresponse")
        columns = [c[0] for c in cursor.description]
        (row,) = cursor.fetchall()
    assert sorted(columns) == ["answered_on", "answers", "form_id", "id", "partnership_id"]
    stored = dict(zip(columns, row, strict=True))
    assert str(stored["answered_on"]) == clock.today().isoformat()  # the day: no hour, no minute
    assert "chris" not in str(stored).lower() and "127.0.0.1" not in str(stored)


def test_a_printed_form_typed_in_later_keeps_the_day_it_was_filled_in_but_not_a_day_to_come(a, support_form, login):
    client = login(a.spoc_charity)
    earlier = clock.today() - dt.timedelta(days=3)
    client.post(answers_url(a, support_form), {"answered_on": earlier.isoformat(), "su_listened": "4"})
    assert FeedbackResponse.objects.get().answered_on == earlier
    later = clock.today() + dt.timedelta(days=1)
    page = client.post(answers_url(a, support_form), {"answered_on": later.isoformat(), "su_listened": "4"})
    assert "cannot be dated in the future" in page.content.decode()
    assert FeedbackResponse.objects.count() == 1


def test_the_printable_form_lists_the_questions_and_their_answers(a, support_form, login):
    page = login(a.viewer).get(answers_url(a, support_form, "learning:feedback_print")).content.decode()
    assert "Staff listened to what I had to say." in page and "Strongly agree" in page
    assert "do not write your name" in page


def test_the_audit_log_says_a_form_was_answered_but_never_which_answers(a, support_form):
    give_answers(support_form, 1, actor=a.spoc_charity)
    response = FeedbackResponse.objects.get()
    event = AuditEvent.objects.filter(action="feedbackform.answers").get()
    assert event.object_id == str(support_form.pk)
    assert str(response.pk) not in str(event.changes) and "evening" not in str(event.changes).lower()
    # nor who typed the answers in, nor when finer than the day
    assert event.actor is None and event.actor_label == "system"
    local = timezone.localtime(event.at)
    assert (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)


# ------------------------------------------------------------------ bad input: nothing written
@pytest.mark.parametrize(
    "text",
    [
        "Call me on 07700 900123 please.",
        "The woman aged 34 from the nail bar was kind.",
        "I was moved to a house at 12 High Street.",
    ],
)
def test_free_text_with_personal_data_is_refused_with_a_reason_and_nothing_is_written(a, support_form, text):
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        feedback.answers_record(
            actor=a.spoc_charity, form=support_form, answers={"su_listened": 4, "su_change": text}, threshold=5
        )
    assert "may identify someone" in str(refused.value.message_dict["su_change"])
    assert FeedbackResponse.objects.count() == 0 and AuditEvent.objects.count() == events


def test_the_page_shows_why_personal_data_was_refused_and_keeps_nothing(a, support_form, login):
    page = login(a.spoc_charity).post(
        answers_url(a, support_form), {"su_listened": "4", "su_change": "Email me at sam@example.org"}
    )
    assert page.status_code == 200
    assert "may identify someone" in page.content.decode()
    assert "an email address" in page.content.decode()
    assert FeedbackResponse.objects.count() == 0


def test_an_answer_over_the_length_limit_is_refused_and_nothing_is_written(a, support_form):
    with pytest.raises(ValidationError) as refused:
        feedback.answers_record(
            actor=None, form=support_form, answers={"su_change": "x" * (FREE_TEXT_LIMIT + 1)}, threshold=5
        )
    assert f"{FREE_TEXT_LIMIT} characters" in str(refused.value.message_dict["su_change"])
    assert FeedbackResponse.objects.count() == 0


def test_an_answer_off_the_scale_or_an_empty_form_is_refused(a, support_form):
    with pytest.raises(ValidationError):
        feedback.answers_record(actor=None, form=support_form, answers={"su_listened": 6}, threshold=5)
    with pytest.raises(ValidationError):
        feedback.answers_record(actor=None, form=support_form, answers={}, threshold=5)
    assert FeedbackResponse.objects.count() == 0


def test_a_closed_form_takes_no_answers(a, support_form):
    feedback.form_set_open(actor=a.coordinator, form=support_form, is_open=False)
    with pytest.raises(ValidationError):
        give_answers(support_form, 1)
    assert FeedbackResponse.objects.count() == 0


def test_a_form_mixing_audiences_or_naming_another_partnerships_organisation_is_refused(a, b):
    with pytest.raises(ValidationError):
        make_feedback_form(a, questions=["su_listened", "tr_used"])
    with pytest.raises(ValidationError):
        make_feedback_form(a, organisation=b.charity)


# ------------------------------------------------------------------ results and the threshold
def test_results_are_hidden_below_the_threshold_and_shown_when_it_is_reached(a, support_form, login):
    give_answers(support_form, 4)
    hidden = selectors.results(support_form)
    assert hidden.minimum == 5 and not any(q.shown for q in hidden.questions)
    page = login(a.board).get(answers_url(a, support_form, "learning:feedback_results")).content.decode()
    assert "Fewer than 5 answers: not shown." in page
    assert "More evening appointments." not in page

    give_answers(support_form, 1)
    shown = selectors.results(support_form)
    listened = next(q for q in shown.questions if q.question.key == "su_listened")
    assert listened.shown and listened.agree_share == 100
    assert [(o.label, o.count.text, o.share) for o in listened.options][-1] == ("Strongly agree", "5", 100)
    page = login(a.board).get(answers_url(a, support_form, "learning:feedback_results")).content.decode()
    assert "Fewer than 5 answers" not in page and "More evening appointments." in page


def test_a_question_skipped_by_some_is_hidden_on_its_own_count(a, support_form):
    give_answers(support_form, 5, answers={"su_listened": 4})
    give_answers(support_form, 2, answers={"su_listened": 2, "su_involved": 3})
    by_key = {q.question.key: q for q in selectors.results(support_form).questions}
    assert by_key["su_listened"].shown and by_key["su_listened"].answered == 7
    assert not by_key["su_involved"].shown and by_key["su_involved"].options == []


def test_the_threshold_follows_the_partnerships_disclosure_policy(a, support_form):
    partnership_services.disclosure_policy_update(
        actor=a.coordinator, partnership=a.partnership, method="threshold", threshold=10, reason="Small service."
    )
    give_answers(support_form, 9)
    assert selectors.results(support_form).minimum == 10
    assert not any(q.shown for q in selectors.results(support_form).questions)


# ------------------------------------------------------------------ who may enter answers
def test_the_running_organisations_spoc_enters_answers_and_another_organisations_spoc_cannot(a, support_form, login):
    assert login(a.spoc_charity).get(answers_url(a, support_form)).status_code == 200
    assert login(a.spoc_charity).post(answers_url(a, support_form), {"su_listened": "4"}).status_code == 302
    assert login(a.spoc_police).get(answers_url(a, support_form)).status_code == 403
    assert login(a.spoc_police).post(answers_url(a, support_form), {"su_listened": "4"}).status_code == 403
    assert login(a.board).post(answers_url(a, support_form), {"su_listened": "4"}).status_code == 403
    assert login(a.coordinator).post(answers_url(a, support_form), {"su_listened": "3"}).status_code == 302
    assert FeedbackResponse.objects.count() == 2


def test_a_form_of_another_partnership_is_not_found(a, b, support_form, login):
    for name in ("learning:feedback_results", "learning:feedback_answer"):
        assert login(b.coordinator).get(answers_url(b, support_form, name)).status_code == 404
        assert login(b.spoc_charity).post(answers_url(b, support_form, name), {"su_listened": "4"}).status_code == 404
    assert FeedbackResponse.objects.count() == 0


# ------------------------------------------------------------------ you said, we did
def test_you_said_we_did_links_a_theme_to_actions_of_the_plan(a, support_form, login):
    action = make_action(a, title="Open the drop-in on Thursday evenings")
    entry = feedback.you_said_record(
        actor=a.coordinator,
        partnership=a.partnership,
        form=support_form,
        you_said="Appointments clash with work.",
        we_did="The drop-in now opens on Thursday evenings.",
        date=dt.date(2026, 6, 1),
        actions=[action],
    )
    assert list(entry.actions.all()) == [action]
    page = login(a.viewer).get(reverse("learning:feedback", kwargs={"slug": a.slug})).content.decode()
    assert "The drop-in now opens on Thursday evenings." in page and "Open the drop-in on Thursday evenings" in page


def test_you_said_we_did_refuses_an_action_of_another_partnership(a, b):
    with pytest.raises(ValidationError):
        feedback.you_said_record(
            actor=a.coordinator,
            partnership=a.partnership,
            you_said="x",
            we_did="y",
            date=dt.date(2026, 6, 1),
            actions=[make_action(b)],
        )
    assert YouSaidWeDid.objects.count() == 0


def test_the_feedback_page_costs_the_same_queries_with_more_forms_and_entries(a, login):
    client = login(a.coordinator)
    action = make_action(a)

    def grow(n):
        for _ in range(n):
            form = make_feedback_form(a)
            give_answers(form, 1)
            feedback.you_said_record(
                actor=None,
                partnership=a.partnership,
                you_said="s",
                we_did="d",
                date=dt.date(2026, 5, 1),
                actions=[action],
                form=form,
            )

    flat_queries(
        grow=grow, measure=lambda: ok(client.get(reverse("learning:feedback", kwargs={"slug": a.slug}))), pinned=8
    )


def test_a_forms_results_cost_the_same_queries_with_more_answers(a, support_form, login):
    client = login(a.board)
    url = answers_url(a, support_form, "learning:feedback_results")
    # 9: the page's 8 and the questions that feed indicators
    flat_queries(grow=lambda n: give_answers(support_form, n), measure=lambda: ok(client.get(url)), pinned=9)
