"""Feedback results under the disclosure policy: an option chosen by fewer people than the threshold is
hidden, and never left as the only hidden figure of a sum a reader can do (the number of answers is the
sum of the options; the number who agree is the sum of "agree" and "strongly agree"), so it cannot be
worked out by subtraction. Shares are printed only beside counts that are printed."""

import pytest
from django.urls import reverse

from actionplans.learning import feedback_selectors as selectors
from actionplans.learning.feedback_disclosure import protect_answers
from actionplans.learning.services import feedback
from aspm.disclosure.policy import DEFAULT_POLICY, NHS, Policy

from .disclosure_checks import reader_ranges
from .learning_helpers import make_feedback_form

pytestmark = pytest.mark.django_db

AGREE = [3, 4]  # "Agree" and "Strongly agree" among the five answers


def no_hidden_count_can_be_narrowed(counts, shown, policy=DEFAULT_POLICY) -> bool:
    """The independent solver (tests.disclosure_checks) finds, from what is printed and the sums a reader
    can do (options → answers; agree + strongly agree → agree), at least the policy's width of values
    for every hidden figure."""
    cells = [*shown.options, shown.answered, shown.agree]
    values = [*counts, sum(counts), sum(counts[i] for i in AGREE)]
    relations = [(5, (0, 1, 2, 3, 4)), (6, tuple(AGREE))]
    ranges = reader_ranges(values, relations, [c.reason for c in cells], hide_below=policy.hide_below)
    return all(high - low >= policy.protection_width - 1 for low, high in ranges.values())


@pytest.mark.parametrize(
    "counts",
    [[0, 2, 0, 5, 0], [1, 2, 3, 4, 10], [0, 0, 3, 10, 12], [0, 0, 0, 6, 1], [6, 7, 8, 9, 2], [0, 0, 0, 0, 9]],
)
def test_a_small_count_is_hidden_and_cannot_be_worked_out_from_the_total_and_the_others(counts):
    shown = protect_answers(counts, Policy(), AGREE)
    for n, cell in zip(counts, shown.options, strict=True):
        assert cell.suppressed or not 0 < n < 5
    assert no_hidden_count_can_be_narrowed(counts, shown)
    assert all(shown.share(c) is None for c in shown.options if c.suppressed)


def test_with_nothing_small_every_count_and_share_is_printed():
    shown = protect_answers([5, 6, 7, 8, 14], Policy(), AGREE)
    assert [c.text for c in shown.options] == ["5", "6", "7", "8", "14"]
    assert (shown.answered.text, shown.agree.text, shown.share(shown.agree)) == ("40", "22", 55)


def test_under_the_nhs_method_shares_come_from_the_rounded_counts_so_they_tell_no_more():
    shown = protect_answers([0, 0, 9, 11, 23], Policy(NHS), AGREE)
    assert [c.text for c in shown.options] == ["0", "0", "10", "10", "25"]
    assert shown.answered.text == "45" and shown.share(shown.options[2]) == 22  # 10 of 45, not 9 of 43


def test_the_results_page_shows_a_lone_small_answer_neither_as_a_number_nor_by_difference(a, login):
    form = make_feedback_form(a, questions=["su_listened"])
    for value in [4] * 6 + [2]:
        feedback.answers_record(actor=None, form=form, answers={"su_listened": value}, threshold=5)
    (result,) = selectors.results(form).questions
    disagree = next(o for o in result.options if o.label == "Disagree")
    assert disagree.count.suppressed and disagree.share is None
    assert result.answered_cell.suppressed or result.agree.suppressed
    page = login(a.board).get(reverse("learning:feedback_results", kwargs={"slug": a.slug, "pk": form.pk}))
    assert "[c]" in page.content.decode() and "Disclosure control" in page.content.decode()
