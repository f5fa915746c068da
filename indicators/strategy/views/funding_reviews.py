"""A provider's annual review of a funding agreement: the provider's SPOC (or the coordinator) writes and
submits it; the coordinator accepts it or returns it with what to change; members who may read every
return read it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aspm.financial_calendar import year_label
from aspm.forms import add_service_errors, call_and_say
from partnerships.access import Perm, can, get_object_for
from partnerships.decorators import partnership_view
from partnerships.models import Organisation

from ...models import REVIEW_ITEMS, AgreementReview, FundingAgreement, ReviewStatus
from ..funding_forms import ReviewForm, SendBackForm
from ..services import funding_reviews as services
from ..services.funding import agreement_years


def _slot(request, pk: int, organisation_pk: int, year: int):
    """The agreement, provider and year of a review, or 404 (also for a year or organisation not in it)."""
    agreement = get_object_for(request.membership, FundingAgreement, pk=pk, need=Perm.VIEW)
    organisation = get_object_for(request.membership, Organisation, pk=organisation_pk)
    year_start = next((y for y in agreement_years(agreement) if y.year == year), None)
    if year_start is None or not agreement.providers.filter(pk=organisation.pk).exists():
        raise Http404("No such review.")
    return agreement, organisation, year_start


@partnership_view(need=Perm.VIEW)
def review_page(request: HttpRequest, pk: int, organisation_pk: int, year: int) -> HttpResponse:
    agreement, organisation, year_start = _slot(request, pk, organisation_pk, year)
    may_write = can(request.membership, Perm.SUBMIT_OWN_RETURN, organisation=organisation)
    if not (may_write or can(request.membership, Perm.VIEW_ALL_RETURNS)):
        raise PermissionDenied("Only the provider and those who read every return can see this review.")
    review = AgreementReview.objects.filter(
        agreement=agreement, organisation=organisation, year_start=year_start
    ).first()
    editable = may_write and (review is None or review.status in services.EDITABLE)
    form = ReviewForm(
        request.POST or None, initial={n: getattr(review, n) for n, _, _ in REVIEW_ITEMS} if review else None
    )
    if request.method == "POST":
        if not editable:
            raise PermissionDenied("This review cannot be changed by you now.")
        if form.is_valid():
            submit = "submit" in request.POST
            try:
                services.review_save(
                    actor=request.user,
                    agreement=agreement,
                    organisation=organisation,
                    year_start=year_start,
                    submit=submit,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, "The review is submitted to the coordinator." if submit else "Your answers are saved."
                )
                return redirect("strategy:agreement_detail", slug=request.partnership.slug, pk=agreement.pk)
    due = services.review_due(agreement, year_start)
    return render(
        request,
        "strategy/agreement_review.html",
        {
            "agreement": agreement,
            "organisation": organisation,
            "year_start": year_start,
            "due": due,
            "year_label": year_label(year_start),
            "overdue": due < timezone.localdate()
            and (review is None or review.status not in (ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED)),
            "review": review,
            "form": form,
            "editable": editable,
            "answers": [(q, getattr(review, n)) for n, q, _ in REVIEW_ITEMS] if review else [],
            "may_decide": review is not None
            and review.status == ReviewStatus.SUBMITTED
            and can(request.membership, Perm.REVIEW_RETURNS),
            "send_back_form": SendBackForm(),
        },
    )


def _decided(request, review):
    return redirect(
        "strategy:agreement_review",
        slug=request.partnership.slug,
        pk=review.agreement_id,
        organisation_pk=review.organisation_id,
        year=review.year_start.year,
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def review_accept(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_for(request.membership, AgreementReview, pk=pk, need=Perm.REVIEW_RETURNS)
    done = f"The review from {review.organisation} is accepted."
    call_and_say(request, services.review_accept, done=done, actor=request.user, review=review)
    return _decided(request, review)


@partnership_view(need=Perm.VIEW)
@require_POST
def review_send_back(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_for(request.membership, AgreementReview, pk=pk, need=Perm.REVIEW_RETURNS)
    call_and_say(
        request,
        services.review_send_back,
        done=f"The review is returned to {review.organisation} with what to change.",
        actor=request.user,
        review=review,
        comment=request.POST.get("comment", ""),
    )
    return _decided(request, review)
