"""A provider's annual review of a funding agreement: written and submitted by the provider's SPOC (or
the coordinator), then accepted or returned for changes by the coordinator. Audited and atomic."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aspm.errors import ConflictError as Conflict
from aspm.financial_calendar import calendar_of, due_after, year_label
from partnerships import audit
from partnerships.models import Organisation

from ...models import REVIEW_ITEMS, AgreementReview, FundingAgreement, ReviewStatus
from .funding import agreement_years

REVIEW_FIELDS = tuple(name for name, _, _ in REVIEW_ITEMS)
EDITABLE = (ReviewStatus.DRAFT, ReviewStatus.RETURNED)


def review_due(agreement: FundingAgreement, year_start):
    """When the review of a year is due: a month after the year ends (or after the agreement ends, if sooner)."""
    end = min(calendar_of(agreement.partnership).year_end(year_start), agreement.end_date)
    return due_after(end)


def _check_year_and_provider(agreement: FundingAgreement, organisation: Organisation, year_start) -> None:
    if not agreement.providers.filter(pk=organisation.pk).exists():
        raise ValidationError(f"{organisation} is not a provider of “{agreement}”.")
    if year_start not in agreement_years(agreement):
        choices = ", ".join(year_label(y) for y in agreement_years(agreement))
        raise ValidationError(f"Choose one of the agreement's years: {choices}.")


@transaction.atomic
def review_save(
    *, actor, agreement: FundingAgreement, organisation: Organisation, year_start, submit: bool = False, **answers
) -> AgreementReview:
    """Save the provider's answers (a draft), and submit them when ``submit``: every question needs an answer."""
    unknown = set(answers) - set(REVIEW_FIELDS)
    if unknown:
        raise ValueError(f"Not a review question: {sorted(unknown)}")
    _check_year_and_provider(agreement, organisation, year_start)
    answers = {name: (value or "").strip() for name, value in answers.items()}
    review = (
        AgreementReview.objects.select_for_update()
        .filter(agreement=agreement, organisation=organisation, year_start=year_start)
        .first()
    )
    if review is not None and review.status not in EDITABLE:
        raise Conflict(f"This review is {review.get_status_display().lower()}, so it can no longer be changed.")
    if submit:
        merged = {name: getattr(review, name) if review else "" for name in REVIEW_FIELDS} | answers
        missing = {
            name: f"Answer “{question}” before you submit, or say there is nothing to report."
            for name, question, _ in REVIEW_ITEMS
            if not merged[name]
        }
        if missing:
            raise ValidationError(missing)
    if review is None:
        review = audit.create(
            actor=actor,
            obj=AgreementReview(
                partnership=agreement.partnership,
                agreement=agreement,
                organisation=organisation,
                year_start=year_start,
                **answers,
            ),
        )
    elif answers:
        review = audit.update(actor=actor, obj=review, values=answers)
    if submit:
        review = audit.update(
            actor=actor,
            obj=review,
            values={"status": ReviewStatus.SUBMITTED, "submitted_at": timezone.now(), "submitted_by": actor},
            action="agreementreview.submit",
        )
    return review


def _decide(actor, review: AgreementReview, *, to: str, verb: str, comment: str = "") -> AgreementReview:
    with transaction.atomic():
        locked = AgreementReview.objects.select_for_update().get(pk=review.pk)
        if locked.status != ReviewStatus.SUBMITTED:
            raise Conflict("Only a submitted review can be accepted or returned.")
        return audit.update(
            actor=actor,
            obj=locked,
            values={"status": to, "decided_at": timezone.now(), "decided_by": actor, "comment": comment},
            action=f"agreementreview.{verb}",
        )


def review_accept(*, actor, review: AgreementReview) -> AgreementReview:
    return _decide(actor, review, to=ReviewStatus.ACCEPTED, verb="accept")


def review_send_back(*, actor, review: AgreementReview, comment: str) -> AgreementReview:
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": "Say what the provider should change, so they can fix it."})
    return _decide(actor, review, to=ReviewStatus.RETURNED, verb="send_back", comment=comment)
