"""Saving a return's page as the SPOC types (htmx)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aspm.errors import in_words
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from .. import services
from ..forms import NarrativeForm, figures_from_post
from ..services import action_updates
from ..services.spend import spend_from_post
from .access import get_return


@partnership_view(need=Perm.VIEW)
@require_POST
def return_autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """Saves as the SPOC types. Answers a short status line and ``X-Autosave: saved``; anything
    else tells the page the text was not saved (e.g. the session ended). Only the boxes posted are
    saved: a section's page posts its own."""
    return_ = get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN)
    form = NarrativeForm(request.POST, return_=return_)
    form.is_valid()
    figures = figures_from_post(request.POST, return_.figures.select_related("indicator"))
    actions = action_updates.action_updates_from_post(request.POST, return_.action_updates.all())
    try:
        saved = services.return_save_draft(
            actor=request.user,
            return_=return_,
            narrative=form.posted(),
            figures=figures,
            actions=actions,
            money=spend_from_post(request.POST, return_.spend.all()),
            keep_going=True,
        )
    except ValidationError as error:
        response = render(request, "reports/returns/autosave_status.html", {"error": in_words(error)})
        response["X-Autosave"] = "refused"
        return response
    errors = getattr(saved, "figure_errors", {})
    response = render(
        request,
        "reports/returns/autosave_status.html",
        {"saved_at": timezone.localtime(), "figure_errors": errors, "version": saved.version},
    )
    response["X-Autosave"] = "saved"
    response["X-Return-Version"] = str(saved.version)
    return response
