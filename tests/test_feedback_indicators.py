"""Feedback that feeds indicators: a question with answers to choose from is linked to a proportion
indicator its form's organisation reports; on closing the form (or on demand) the share of the answers
that count becomes that organisation's figure for each period, through the figure services, and only
where the period has the threshold's number of answers or more."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplans.learning.models import FeedbackIndicatorLink
from actionplans.learning.services import feedback
from actionplans.learning.services import feedback_indicators as services
from indicators.models import Figure
from partnerships.models import AuditEvent

from .learning_helpers import involved_indicator, make_feedback_form, make_feedback_link
from .measurement_helpers import periods, referrals

pytestmark = pytest.mark.django_db


@pytest.fixture
def support_form(a):
    return make_feedback_form(a)


def answer(form, day: dt.date, involved: int, times: int = 1):
    for _ in range(times):
        feedback.answers_record(actor=None, form=form, answers={"su_involved": involved}, threshold=5, on=day)


def test_closing_the_form_records_the_share_who_agree_as_the_organisations_figure_for_the_quarter(a, support_form):
    q1 = periods(a)["q1"]
    make_feedback_link(a, support_form)
    answer(support_form, q1.start, involved=5, times=3)
    answer(support_form, q1.start + dt.timedelta(days=10), involved=4, times=3)
    answer(support_form, q1.start + dt.timedelta(days=20), involved=2, times=2)

    (fed,) = feedback.form_close(actor=a.coordinator, form=support_form)

    assert fed.recorded and fed.period == q1
    figure = Figure.objects.get(indicator=involved_indicator(a), period=q1, organisation=a.charity)
    assert (figure.numerator, figure.denominator, figure.value) == (6, 8, 75)
    assert figure.get_source_display() == "Counted from a feedback form"  # not "Entered on the page"
    assert figure.comment == (
        "From the feedback form “How was your support?”: the share of the answers to “I had a say in decisions "
        "about my support.” that were “Agree” or “Strongly agree”."
    )
    assert AuditEvent.objects.filter(action="figure.create", object_id=str(figure.pk)).exists()


def test_a_period_with_fewer_answers_than_the_threshold_gets_no_figure(a, support_form):
    q1 = periods(a)["q1"]
    make_feedback_link(a, support_form)
    answer(support_form, q1.start, involved=5, times=4)
    (fed,) = services.indicators_feed(actor=a.coordinator, form=support_form)
    assert not fed.recorded and "fewer than 5 answers" in fed.words
    assert not Figure.objects.exists()
    answer(support_form, q1.start, involved=1)
    (fed,) = services.indicators_feed(actor=a.coordinator, form=support_form)
    assert fed.recorded and Figure.objects.get().value == 80


def test_answers_in_a_period_not_open_are_left_out_with_the_reason(a, support_form):
    p = periods(a)
    make_feedback_link(a, support_form)
    answer(support_form, p["q1"].start, involved=5, times=5)
    answer(support_form, p["q2"].start, involved=5, times=5)
    if p["q2"].start > dt.date.today():
        pytest.skip("the second quarter has not started yet")
    fed = services.indicators_feed(actor=a.coordinator, form=support_form)
    assert [(f.period, f.recorded) for f in fed] == [(p["q1"], True), (p["q2"], False)]
    assert "not open" in fed[1].words and Figure.objects.count() == 1


def test_a_choice_question_counts_the_answers_chosen(a):
    form = make_feedback_form(a, questions=["su_language"])
    q1 = periods(a)["q1"]
    make_feedback_link(a, form, question="su_language", counts_as=[1, 4])
    for choice in (1, 1, 2, 3, 4):
        feedback.answers_record(actor=None, form=form, answers={"su_language": choice}, threshold=5, on=q1.start)
    services.indicators_feed(actor=a.coordinator, form=form)
    assert Figure.objects.get().numerator == 3


@pytest.mark.parametrize(
    "question, indicator, message",
    [
        ("su_change", None, "free-text question cannot feed an indicator"),
        ("tr_used", None, "Choose a question of this form"),
        ("su_involved", "count", "is not a proportion"),
        ("su_involved", "foreign", "is not part of this partnership"),
    ],
)
def test_a_link_that_cannot_work_is_refused_and_nothing_is_written(a, b, support_form, question, indicator, message):
    chosen = {None: involved_indicator(a), "count": referrals(a), "foreign": involved_indicator(b)}[indicator]
    with pytest.raises(ValidationError) as error:
        services.link_create(actor=a.coordinator, form=support_form, question=question, indicator=chosen)
    assert any(message in m for m in error.value.messages)
    assert not FeedbackIndicatorLink.objects.exists()


def test_a_form_run_by_an_organisation_that_does_not_report_the_indicator_cannot_feed_it(a):
    form = make_feedback_form(a, organisation=a.police)
    with pytest.raises(ValidationError, match="does not report FB-1"):
        make_feedback_link(a, form)


def test_the_coordinator_links_a_question_and_records_the_share_from_the_page(a, support_form, login):
    q1 = periods(a)["q1"]
    indicator = involved_indicator(a)
    answer(support_form, q1.start, involved=4, times=5)
    kw = {"slug": a.slug, "pk": support_form.pk}
    page = login(a.coordinator).get(reverse("learning:feedback_results", kwargs=kw)).content.decode()
    assert "Link a question to an indicator" in page
    login(a.coordinator).post(
        reverse("learning:feedback_link_create", kwargs=kw), {"question": "su_involved", "indicator": indicator.pk}
    )
    assert FeedbackIndicatorLink.objects.get().counts_as == [4, 5]
    response = login(a.coordinator).post(reverse("learning:feedback_record_indicators", kwargs=kw), follow=True)
    assert "FB-1 for" in response.content.decode() and "recorded (5 of 5 answers)" in response.content.decode()
    assert Figure.objects.get(indicator=indicator).value == 100
    assert support_form.__class__.objects.get(pk=support_form.pk).is_open  # recording does not close it
