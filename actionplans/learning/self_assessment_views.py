"""Pages of the self-assessment rounds, under /p/<slug>/self-assessment/ (all through the one door).
Everyone in the partnership reads the results; the coordinator prepares and opens rounds and raises
actions from gaps; each organisation's SPOC rates for their own organisation."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from actionplans import clock
from aspm.forms import call_and_say, call_service
from partnerships.access import Perm, can, get_object_for
from partnerships.decorators import partnership_view
from partnerships.models import Organisation

from . import peer_review_selectors
from . import self_assessment_selectors as selectors
from . import self_assessment_template as template
from .models import AssessmentRound, AssessmentStatement, PeerReview, RoundStatus
from .peer_review_forms import InviteForm
from .self_assessment_forms import ActionForm, RatingForm, RoundForm, StatementForm
from .services import peer_review as peer_services
from .services import self_assessment as services

MANAGE = Perm.MANAGE_RECOMMENDATIONS
RATE = Perm.RATE_OWN_SELF_ASSESSMENT


def _round(request, pk: int, need: Perm = Perm.VIEW) -> AssessmentRound:
    return get_object_for(request.membership, AssessmentRound, pk=pk, need=need)


def _organisation(request, org: int, need: Perm = Perm.VIEW) -> Organisation:
    return get_object_for(request.membership, Organisation, pk=org, need=need, organisation_of=lambda o: o)


@partnership_view(need=Perm.VIEW)
def rounds(request: HttpRequest) -> HttpResponse:
    membership = request.membership
    can_manage = can(membership, MANAGE)
    to_review = peer_review_selectors.invitations_for(request.user).filter(reviewer=request.partnership)
    context = {
        "rounds": selectors.rounds(request.partnership),
        "can_manage": can_manage,
        "own": membership.organisation if can(membership, RATE, organisation=membership.organisation) else None,
        "to_review": list(to_review) if can_manage else [],
    }
    return render(request, "learning/self_assessments.html", context)


@partnership_view(need=MANAGE)
def round_create(request: HttpRequest) -> HttpResponse:
    form = RoundForm(request.POST or None, initial={"opens_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        ok, made = call_service(
            form, services.round_create, actor=request.user, partnership=request.partnership, **form.cleaned_data
        )
        if ok:
            messages.success(request, "The round is ready with the template's statements. Add your own, then open it.")
            return redirect("learning:assessment", slug=request.partnership.slug, pk=made.pk)
    return render(request, "learning/self_assessment_form.html", {"form": form})


def _detail(
    request, found: AssessmentRound, invite_form: InviteForm | None = None, statement_form: StatementForm | None = None
) -> HttpResponse:
    """The round's page; with a refused form, shown again with its errors and what was typed (422)."""
    membership = request.membership
    own = membership.organisation
    can_manage = can(membership, MANAGE)
    context = {
        "round": found,
        "results": selectors.results(found),
        "scale": template.SCALE,
        "can_manage": can_manage,
        "own": own if found.status == RoundStatus.OPEN and can(membership, RATE, organisation=own) else None,
        "statement_form": statement_form or StatementForm(),
        "peer_reviews": peer_review_selectors.of_round(found) if can_manage else [],
        "invite_form": invite_form or InviteForm(),
    }
    refused = invite_form is not None or statement_form is not None
    return render(request, "learning/self_assessment.html", context, status=422 if refused else 200)


@partnership_view(need=Perm.VIEW)
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _round(request, pk))


@partnership_view(need=Perm.VIEW)
@require_POST
def peer_invite(request: HttpRequest, pk: int) -> HttpResponse:
    found = _round(request, pk, need=MANAGE)
    form = InviteForm(request.POST)
    if form.is_valid():
        ok, made = call_service(
            form, peer_services.peer_review_invite, actor=request.user, round=found, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"{made.reviewer.name} is invited: its coordinators can now review this round.")
            return redirect("learning:assessment", slug=request.partnership.slug, pk=found.pk)
    return _detail(request, found, invite_form=form)


@partnership_view(need=Perm.VIEW)
@require_POST
def peer_withdraw(request: HttpRequest, pk: int, review: int) -> HttpResponse:
    found = _round(request, pk, need=MANAGE)
    invitation = get_object_for(request.membership, PeerReview.objects.filter(round=found), pk=review, need=MANAGE)
    call_and_say(
        request,
        peer_services.peer_review_withdraw,
        done=f"The invitation to {invitation.reviewer.name} is withdrawn.",
        actor=request.user,
        invitation=invitation,
    )
    return redirect("learning:assessment", slug=request.partnership.slug, pk=found.pk)


@partnership_view(need=Perm.VIEW)
@require_POST
def statement_add(request: HttpRequest, pk: int) -> HttpResponse:
    found = _round(request, pk, need=MANAGE)
    form = StatementForm(request.POST)
    if form.is_valid():
        ok, _ = call_service(form, services.statement_add, actor=request.user, round=found, **form.cleaned_data)
        if ok:
            messages.success(request, "Your statement is added to the round.")
            return redirect("learning:assessment", slug=request.partnership.slug, pk=found.pk)
    return _detail(request, found, statement_form=form)


@partnership_view(need=Perm.VIEW)
@require_POST
def round_open(request: HttpRequest, pk: int) -> HttpResponse:
    found = _round(request, pk, need=MANAGE)
    done = "The round is open: each organisation's SPOC can now rate the statements."
    call_and_say(request, services.round_open, done=done, actor=request.user, round=found)
    return redirect("learning:assessment", slug=request.partnership.slug, pk=found.pk)


@partnership_view(need=Perm.VIEW)
@require_POST
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = _round(request, pk, need=MANAGE)
    if request.POST.get("confirm") != "yes":
        messages.error(request, "The round is still open: confirm with “Yes, close the round”.")
        return redirect("learning:assessment", slug=request.partnership.slug, pk=found.pk)
    done = "The round is closed: it takes no more ratings. Its results stay as they are."
    call_and_say(request, services.round_close, done=done, actor=request.user, round=found)
    return redirect("learning:assessment", slug=request.partnership.slug, pk=found.pk)


@partnership_view(need=Perm.VIEW)
def organisation(request: HttpRequest, pk: int, org: int) -> HttpResponse:
    found = _round(request, pk)
    chosen = _organisation(request, org)
    context = {
        "round": found,
        "organisation": chosen,
        "ratings": selectors.organisation_ratings(found, chosen),
        "can_rate": found.status == RoundStatus.OPEN and can(request.membership, RATE, organisation=chosen),
    }
    return render(request, "learning/self_assessment_organisation.html", context)


@partnership_view(need=Perm.VIEW)
def rate(request: HttpRequest, pk: int, org: int, statement: int) -> HttpResponse:
    found = _round(request, pk)
    chosen = _organisation(request, org, need=RATE)
    item = get_object_for(request.membership, AssessmentStatement.objects.filter(round=found), pk=statement)
    existing = item.ratings.filter(organisation=chosen).first()
    initial = {"level": existing.level, "evidence": existing.evidence, "note": existing.note} if existing else {}
    form = RatingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.rating_record, actor=request.user, statement=item, organisation=chosen, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"Your rating of “{item.text}” is saved.")
            return redirect(
                "learning:assessment_organisation", slug=request.partnership.slug, pk=found.pk, org=chosen.pk
            )
    context = {"round": found, "organisation": chosen, "statement": item, "form": form}
    return render(request, "learning/self_assessment_rate.html", context)


@partnership_view(need=Perm.VIEW)
def raise_action(request: HttpRequest, pk: int, statement: int) -> HttpResponse:
    found = _round(request, pk, need=MANAGE)
    item = get_object_for(request.membership, AssessmentStatement.objects.filter(round=found), pk=statement)
    initial = {"title": f"Improve: {item.text}"[:300]}
    form = ActionForm(request.POST or None, partnership=request.partnership, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, action = call_service(form, services.raise_action, actor=request.user, statement=item, **form.cleaned_data)
        if ok:
            messages.success(request, f"“{action.title}” is added to the action plan.")
            return redirect("learning:assessment", slug=request.partnership.slug, pk=found.pk)
    context = {"round": found, "statement": item, "form": form, "ratings": item.ratings.select_related("organisation")}
    return render(request, "learning/self_assessment_action.html", context)
