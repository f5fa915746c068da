"""Reads for feedback: the partnership's forms with their number of answers, a form's results per
question (shown only from the partnership's small-count threshold), and the "You said, we did" log."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet

from actionplans.models import Action
from aspm.disclosure.audit import Cell
from aspm.disclosure.policy import Policy
from partnerships.access import scoped
from partnerships.models import Partnership
from partnerships.selectors import disclosure_policy

from . import feedback_bank as bank
from .feedback_disclosure import protect_answers
from .models import FeedbackForm, FeedbackResponse, YouSaidWeDid


def forms(partnership: Partnership) -> QuerySet[FeedbackForm]:
    return (
        scoped(partnership, FeedbackForm)
        .select_related("organisation")
        .annotate(answer_count=Count("responses"))
        .order_by("-is_open", "title", "id")
    )


def form_queryset(partnership: Partnership) -> QuerySet[FeedbackForm]:
    return scoped(partnership, FeedbackForm).select_related("organisation")


def minimum_shown(partnership: Partnership) -> int:
    """The fewest answers a question needs before its results are shown (the policy's first count shown)."""
    return disclosure_policy(partnership).group_minimum


@dataclass
class Option:
    label: str
    count: Cell  # printed as its text: the count, or "<5" / "[c]" when withheld
    share: int | None  # whole per cent of the answers to the question; None when the count is withheld


@dataclass
class QuestionResult:
    question: bank.Question
    answered: int
    shown: bool
    options: list[Option] = field(default_factory=list)
    answered_cell: Cell | None = None  # the number of answers as printed
    agree: Cell | None = None  # Likert: how many agree or strongly agree, as printed
    agree_share: int | None = None  # Likert: per cent who agree or strongly agree; None when withheld
    texts: list[str] = field(default_factory=list)

    @property
    def any_withheld(self) -> bool:
        return any(o.count.suppressed for o in self.options) or bool(self.agree and self.agree.suppressed)


@dataclass
class FormResults:
    form: FeedbackForm
    total: int
    minimum: int
    questions: list[QuestionResult]
    first_date: object = None
    last_date: object = None
    policy: Policy | None = None

    @property
    def any_withheld(self) -> bool:
        return any(q.any_withheld for q in self.questions)


AGREE = (4, 5)  # the Likert answers that count as agreeing


def question_result(q: bank.Question, values: list, minimum: int, policy: Policy) -> QuestionResult:
    """One question's answers as they may be shown: nothing below ``minimum`` answers; above it, the
    counts of the options protected together (:mod:`.feedback_disclosure`)."""
    result = QuestionResult(question=q, answered=len(values), shown=len(values) >= minimum)
    if not result.shown:
        return result
    if q.kind == bank.TEXT:
        result.texts = sorted(values, key=str.lower)
        return result
    numbers = [number for number, _ in q.options]
    counts = [sum(1 for v in values if v == number) for number in numbers]
    agree = [i for i, number in enumerate(numbers) if number in AGREE] if q.kind == bank.LIKERT else []
    protected = protect_answers(counts, policy, agree)
    result.answered_cell = protected.answered
    result.options = [
        Option(label, cell, protected.share(cell))
        for (_, label), cell in zip(q.options, protected.options, strict=True)
    ]
    if protected.agree is not None:
        result.agree = protected.agree
        result.agree_share = protected.share(protected.agree)
    return result


def results(form: FeedbackForm, *, start=None, end=None, policy: Policy | None = None) -> FormResults:
    """Each question's answers (those dated from ``start`` to ``end`` when given), counted; a question
    answered fewer times than the threshold is hidden (counts, shares and free text alike), and the
    counts of the others are protected by the partnership's disclosure policy (``policy``, read when
    not given). Two queries, whatever the number of answers."""
    policy = policy or disclosure_policy(form.partnership)
    minimum = policy.group_minimum
    answers = FeedbackResponse.objects.filter(form=form)
    if start is not None:
        answers = answers.filter(answered_on__gte=start)
    if end is not None:
        answers = answers.filter(answered_on__lte=end)
    rows = list(answers.values_list("answered_on", "answers"))
    out = []
    for key in form.questions:
        q = bank.BY_KEY.get(key)
        if q is None:
            continue
        out.append(question_result(q, [a[key] for _, a in rows if key in a], minimum, policy))
    dates = [d for d, _ in rows]
    return FormResults(
        form=form,
        total=len(rows),
        minimum=minimum,
        questions=out,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        policy=policy,
    )


def indicator_links(form: FeedbackForm) -> list:
    """The questions of ``form`` that feed indicators, with the question's wording (one query)."""
    links = list(form.indicator_links.select_related("indicator").order_by("question", "indicator__code"))
    for link in links:
        q = bank.BY_KEY.get(link.question)
        link.question_text = q.text if q else link.question
        options = dict(q.options) if q else {}
        link.counts_as_labels = [options.get(n, str(n)) for n in link.counts_as]
    return links


def you_said(partnership: Partnership) -> QuerySet[YouSaidWeDid]:
    return (
        scoped(partnership, YouSaidWeDid)
        .select_related("form")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("title")))
    )
