"""The coordinator's "open the reports due now" on an agreement's page (the daily job does the same
each morning): for an agreement just recorded, or a provider just added."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from indicators.models import FundingAgreement
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view

from .services import agreement_reports_open


@partnership_view(need=Perm.VIEW)
@require_POST
def monitoring_reports_open(request: HttpRequest, agreement_pk: int) -> HttpResponse:
    agreement = get_object_for(request.membership, FundingAgreement, pk=agreement_pk, need=Perm.REVIEW_RETURNS)
    try:
        opened = agreement_reports_open(actor=request.user, agreement=agreement, today=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if opened:
            messages.success(request, f"{len(opened)} monitoring report{'s' if len(opened) != 1 else ''} opened.")
        else:
            messages.info(request, "Every report due so far is already open.")
    return redirect("strategy:agreement_detail", slug=request.partnership.slug, pk=agreement.pk)
