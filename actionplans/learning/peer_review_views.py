"""The reviewer's pages, at /peer-reviews/ (outside /p/<slug>/ on purpose: see peer_review_selectors).

A coordinator of an invited partnership lists the rounds they are invited to review and reads one
round's results, read-only, and may leave written feedback. Nothing here sets ``request.partnership``:
the page is not inside the host partnership, and links nowhere into it. Each reading goes to the host's
audit log (once per reviewer per day)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from aspm.forms import call_service

from . import peer_review_selectors as door
from . import self_assessment_selectors as selectors
from . import self_assessment_template as template
from .peer_review_forms import FeedbackForm
from .services import peer_review as services


@login_required
def reviews(request: HttpRequest) -> HttpResponse:
    return render(request, "learning/peer_reviews.html", {"invitations": door.invitations_for(request.user)})


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = door.invitation_for(request.user, pk)
    form = FeedbackForm(request.POST or None, initial={"feedback": invitation.feedback})
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.peer_review_feedback, actor=request.user, invitation=invitation, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"Your feedback is sent to {invitation.partnership.name}.")
            return redirect("peer_review", pk=invitation.pk)
    if request.method == "GET":
        services.record_view(actor=request.user, invitation=invitation)
    context = {
        "invitation": invitation,
        "host": invitation.partnership,
        "round": invitation.round,
        "results": selectors.results(invitation.round),
        "scale": template.SCALE,
        "form": form,
    }
    return render(request, "learning/peer_review.html", context)
