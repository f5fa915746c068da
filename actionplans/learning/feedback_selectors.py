"""Reads for feedback: the partnership's forms with their number of answers, a form's results per
question (shown only from the partnership's small-count threshold), and the "You said, we did" log."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet

from actionplans.models import Action
from partnerships.access import scoped
from partnerships.models import Partnership
from partnerships.selectors import disclosure_policy

from . import feedback_bank as bank
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
    count: int
    share: int  # whole per cent of the answers to the question


@dataclass
class QuestionResult:
    question: bank.Question
    answered: int
    shown: bool
    options: list[Option] = field(default_factory=list)
    agree_share: int | None = None  # Likert: per cent who agree or strongly agree
    texts: list[str] = field(default_factory=list)


@dataclass
class FormResults:
    form: FeedbackForm
    total: int
    minimum: int
    questions: list[QuestionResult]
    first_date: object = None
    last_date: object = None


def _share(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def results(form: FeedbackForm) -> FormResults:
    """Each question's answers, counted; a question answered fewer times than the threshold is hidden
    (counts, shares and free text alike). Two queries, whatever the number of answers."""
    minimum = minimum_shown(form.partnership)
    rows = list(FeedbackResponse.objects.filter(form=form).values_list("answered_on", "answers"))
    out = []
    for key in form.questions:
        q = bank.BY_KEY.get(key)
        if q is None:
            continue
        values = [answers[key] for _, answers in rows if key in answers]
        result = QuestionResult(question=q, answered=len(values), shown=len(values) >= minimum)
        if result.shown:
            if q.kind == bank.TEXT:
                result.texts = sorted(values, key=str.lower)
            else:
                result.options = [
                    Option(label, n, _share(n, len(values)))
                    for number, label in q.options
                    for n in [sum(1 for v in values if v == number)]
                ]
                if q.kind == bank.LIKERT:
                    result.agree_share = _share(sum(1 for v in values if v >= 4), len(values))
        out.append(result)
    dates = [d for d, _ in rows]
    return FormResults(
        form=form,
        total=len(rows),
        minimum=minimum,
        questions=out,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
    )


def you_said(partnership: Partnership) -> QuerySet[YouSaidWeDid]:
    return (
        scoped(partnership, YouSaidWeDid)
        .select_related("form")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("title")))
    )
