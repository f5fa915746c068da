"""Feedback that feeds indicators: a question of a form linked to a proportion indicator ("share of
service users who felt involved in decisions"), and the recording of that share as the running
organisation's figure for each period the answers fall in.

The figures go through the figure services (``indicators.measurement.services.figures.figure_record``),
with every check they make (the period open, the organisation a reporter, the partnership's "must
hold" rules) and their audit. A period with fewer answers to the question than the partnership's
small-count threshold gets no figure: a share of three people could point at one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm.errors import in_words
from indicators.measurement.services.figures import figure_record
from indicators.models import FigureSource, Frequency, Indicator, PeriodKind, PeriodStatus, ReportingPeriod, Rollup
from partnerships import audit
from partnerships.access import check_same_partnership, scoped
from partnerships.models import User
from partnerships.selectors import disclosure_policy

from .. import feedback_bank as bank
from ..models_feedback import FeedbackForm, FeedbackIndicatorLink, FeedbackResponse

KIND_OF_FREQUENCY = {Frequency.MONTHLY: PeriodKind.MONTH, Frequency.QUARTERLY: PeriodKind.QUARTER}
AGREE = (4, 5)  # the default answers counted for a statement to agree with


def link_create(
    *, actor: User, form: FeedbackForm, question: str, indicator: Indicator, counts_as=None
) -> FeedbackIndicatorLink:
    """Link a question of ``form`` (a statement to agree with, or a choice) to a proportion indicator
    the form's organisation reports. ``counts_as``: the answers the share counts (for a statement,
    "agree" and "strongly agree" unless told)."""
    try:
        check_same_partnership(form.partnership, [indicator])
    except ValidationError as error:
        raise ValidationError({"indicator": error.messages}) from error
    if question not in form.questions:
        raise ValidationError({"question": "Choose a question of this form."})
    q = bank.BY_KEY[question]
    if q.kind == bank.TEXT:
        raise ValidationError({"question": "A free-text question cannot feed an indicator: choose one with answers."})
    if not indicator.is_active:
        raise ValidationError({"indicator": f"{indicator.code} is no longer collected."})
    if indicator.rule != Rollup.RATIO:
        raise ValidationError(
            {"indicator": f"{indicator.code} is not a proportion: a question's answers can feed only a share."}
        )
    if not indicator.reporting_organisations.filter(pk=form.organisation_id).exists():
        raise ValidationError(
            {"indicator": f"{form.organisation} does not report {indicator.code}: add it as a reporter first."}
        )
    options = dict(q.options)
    try:
        chosen = sorted({int(n) for n in (counts_as or (AGREE if q.kind == bank.LIKERT else ()))})
    except (TypeError, ValueError):
        chosen = []
    if not chosen or any(n not in options for n in chosen):
        raise ValidationError({"counts_as": "Choose the answers the share counts, from the question's answers."})
    if len(chosen) == len(options):
        raise ValidationError({"counts_as": "Leave out at least one answer: counting every answer gives 100%."})
    if FeedbackIndicatorLink.objects.filter(form=form, question=question, indicator=indicator).exists():
        raise ValidationError({"indicator": "This question already feeds that indicator."})
    with transaction.atomic():
        link = FeedbackIndicatorLink(
            partnership_id=form.partnership_id, form=form, question=question, indicator=indicator, counts_as=chosen
        )
        return audit.create(actor=actor, obj=link)


def link_delete(*, actor: User, link: FeedbackIndicatorLink) -> None:
    """Stop feeding the indicator (the figures already recorded stay)."""
    with transaction.atomic():
        audit.delete(actor=actor, obj=link)


@dataclass(frozen=True)
class Fed:
    """What happened for one indicator and period: ``recorded`` or not, and why in words."""

    indicator: Indicator
    period: ReportingPeriod
    recorded: bool
    words: str


def _periods(link: FeedbackIndicatorLink, first, last) -> list[ReportingPeriod]:
    kind = KIND_OF_FREQUENCY.get(link.indicator.frequency, PeriodKind.YEAR)
    return list(
        scoped(link.partnership, ReportingPeriod).filter(kind=kind, start__lte=last, end__gte=first).order_by("start")
    )


def indicators_feed(*, actor: User | None, form: FeedbackForm) -> list[Fed]:
    """Record, for every question of ``form`` linked to an indicator and every period of the indicator's
    frequency that holds answers, the share of the answers that count, as the form's organisation's
    figure — through ``figure_record``, only where the period has at least the threshold's number of
    answers to the question. Each figure is recorded (or refused by the figure services) on its own;
    the result says what happened to each, in words."""
    minimum = disclosure_policy(form.partnership).group_minimum
    rows = list(FeedbackResponse.objects.filter(form=form).values_list("answered_on", "answers"))
    links = list(form.indicator_links.select_related("indicator", "partnership").order_by("question", "indicator"))
    if not rows or not links:
        return []
    first, last = min(d for d, _ in rows), max(d for d, _ in rows)
    question_text = {key: bank.BY_KEY[key].text for key in form.questions if key in bank.BY_KEY}
    labels = {
        link.pk: " or ".join(f"“{label}”" for n, label in bank.BY_KEY[link.question].options if n in link.counts_as)
        for link in links
    }
    outcome: list[Fed] = []
    for link in links:
        indicator = link.indicator
        for period in _periods(link, first, last):
            values = [a[link.question] for d, a in rows if period.start <= d <= period.end and link.question in a]
            if not values:
                continue
            if len(values) < minimum:
                words = f"fewer than {minimum} answers in {period.label}: no figure is recorded"
                outcome.append(Fed(indicator, period, False, words))
                continue
            if period.status != PeriodStatus.OPEN:
                state = period.get_status_display().lower()
                outcome.append(Fed(indicator, period, False, f"{period.label} is {state}"))
                continue
            counted = sum(1 for v in values if v in link.counts_as)
            # No counts in the words: a comment may be printed where a small numerator would be hidden.
            comment = (
                f"From the feedback form “{form.title}”: the share of the answers to "
                f"“{question_text.get(link.question, link.question)}” that were {labels[link.pk]}."
            )
            try:
                figure_record(
                    actor=actor,
                    indicator=indicator,
                    period=period,
                    organisation=form.organisation,
                    value=None,
                    numerator=counted,
                    denominator=len(values),
                    comment=comment[:1000],
                    source=FigureSource.FEEDBACK,
                )
            except ValidationError as error:
                outcome.append(Fed(indicator, period, False, in_words(error)))
            else:
                outcome.append(Fed(indicator, period, True, f"{counted} of {len(values)} answers"))
    return outcome


def in_a_sentence(fed: list[Fed]) -> str:
    """What ``indicators_feed`` did, for a message on the page."""
    if not fed:
        return "No linked indicator had answers to record."
    parts = [
        f"{f.indicator.code} for {f.period.label}: {'recorded' if f.recorded else 'not recorded'} ({f.words})"
        for f in fed
    ]
    return "Indicators: " + "; ".join(parts) + "."
