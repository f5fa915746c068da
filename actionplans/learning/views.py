"""Pages of the recommendations register, under /p/<slug>/recommendations/ (all through the one door)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from actionplans import clock
from aspm.forms import call_and_say, call_service
from aspm.uploads import file_response
from partnerships.access import Perm, can, get_object_for
from partnerships.decorators import partnership_view

from . import selectors, services
from .forms import MakeActionsForm, NoteForm, RecommendationForm, ResponseForm
from .models import Recommendation, Response


def _get(request, pk: int, need: Perm = Perm.VIEW) -> Recommendation:
    return get_object_for(
        request.membership,
        selectors.detail_queryset(request.partnership),
        pk=pk,
        need=need,
        organisation_of=lambda r: r.owner_organisation,
    )


def _flag(request, recs) -> list[Recommendation]:
    today = clock.today()
    recs = list(recs)
    for r in recs:
        r.overdue_response = r.response_overdue(today)
    return recs


@partnership_view(need=Perm.VIEW)
def register(request: HttpRequest) -> HttpResponse:
    recs = _flag(request, selectors.register(request.partnership))
    context = {
        "recommendations": recs,
        "overdue": sum(1 for r in recs if r.overdue_response),
        "can_manage": can(request.membership, Perm.MANAGE_RECOMMENDATIONS),
    }
    return render(request, "learning/register.html", context)


@partnership_view(need=Perm.VIEW)
def board(request: HttpRequest) -> HttpResponse:
    recs = _flag(request, selectors.register(request.partnership))
    return render(request, "learning/board.html", {"columns": selectors.board(recs)})


@partnership_view(need=Perm.VIEW)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, _get(request, pk))


def _detail_page(request, rec: Recommendation, note_form: NoteForm | None = None) -> HttpResponse:
    """The recommendation's page; with a refused ``note_form``, shown again with its errors (422)."""
    rec.overdue_response = rec.response_overdue(clock.today())
    membership = request.membership
    context = {
        "rec": rec,
        "history": selectors.history_of(rec),
        "linked_actions": list(rec.actions.all()),
        "can_manage": can(membership, Perm.MANAGE_RECOMMENDATIONS),
        "can_note": can(membership, Perm.UPDATE_OWN_RECOMMENDATIONS, organisation=rec.owner_organisation),
        "response_form": ResponseForm(
            initial={
                "response": rec.response if rec.response != Response.PENDING else None,
                "reasons": rec.response_reasons,
            }
        ),
        "note_form": note_form or NoteForm(),
        "actions_form": MakeActionsForm(),
        "may_make_actions": rec.response in (Response.ACCEPT, Response.PARTLY),
    }
    return render(request, "learning/detail.html", context, status=422 if note_form else 200)


@partnership_view(need=Perm.MANAGE_RECOMMENDATIONS)
def create(request: HttpRequest) -> HttpResponse:
    form = RecommendationForm(request.POST or None, request.FILES or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, rec = call_service(
            form,
            services.recommendation_create,
            actor=request.user,
            partnership=request.partnership,
            **form.cleaned_data,
        )
        if ok:
            messages.success(request, "The recommendation is added. Record the response when it is agreed.")
            return redirect("learning:detail", slug=request.partnership.slug, pk=rec.pk)
    return render(request, "learning/form.html", {"form": form, "rec": None})


@partnership_view(need=Perm.VIEW)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _get(request, pk, need=Perm.MANAGE_RECOMMENDATIONS)
    form = RecommendationForm(
        request.POST or None, request.FILES or None, instance=rec, partnership=request.partnership
    )
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.recommendation_update, actor=request.user, recommendation=rec, **form.cleaned_data
        )
        if ok:
            messages.success(request, "The recommendation is saved.")
            return redirect("learning:detail", slug=request.partnership.slug, pk=rec.pk)
    return render(request, "learning/form.html", {"form": form, "rec": rec})


@partnership_view(need=Perm.VIEW)
def respond(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _get(request, pk, need=Perm.MANAGE_RECOMMENDATIONS)
    form = ResponseForm(request.POST or None, initial={"reasons": rec.response_reasons})
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            services.recommendation_respond,
            actor=request.user,
            recommendation=rec,
            response=form.cleaned_data["response"],
            reasons=form.cleaned_data["reasons"],
        )
        if ok:
            messages.success(request, f"The management response is recorded: {rec.get_response_display()}.")
            return redirect("learning:detail", slug=request.partnership.slug, pk=rec.pk)
    return render(request, "learning/respond.html", {"form": form, "rec": rec})


@partnership_view(need=Perm.VIEW)
@require_POST
def make_actions(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _get(request, pk, need=Perm.MANAGE_RECOMMENDATIONS)
    form = MakeActionsForm(request.POST)
    form.is_valid()
    titles = (form.cleaned_data.get("titles") or "").splitlines()
    call_and_say(
        request,
        services.recommendation_make_actions,
        done=lambda made: f"{len(made)} action{'s' if len(made) != 1 else ''} added to the action plan.",
        failed="No actions were added: ",
        actor=request.user,
        recommendation=rec,
        titles=titles,
    )
    return redirect("learning:detail", slug=request.partnership.slug, pk=rec.pk)


@partnership_view(need=Perm.VIEW)
@require_POST
def note(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _get(request, pk, need=Perm.UPDATE_OWN_RECOMMENDATIONS)
    form = NoteForm(request.POST)
    if form.is_valid():
        ok, _ = call_service(
            form, services.recommendation_note, actor=request.user, recommendation=rec, note=form.cleaned_data["note"]
        )
        if ok:
            messages.success(request, "Your progress note is added to the history.")
            return redirect("learning:detail", slug=request.partnership.slug, pk=rec.pk)
    return _detail_page(request, rec, note_form=form)


@partnership_view(need=Perm.VIEW)
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _get(request, pk, need=Perm.MANAGE_RECOMMENDATIONS)
    services.recommendation_delete(actor=request.user, recommendation=rec)
    messages.success(request, "The recommendation is deleted; its actions stay in the plan. The audit log keeps it.")
    return redirect("learning:register", slug=request.partnership.slug)


@partnership_view(need=Perm.VIEW)
def document(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _get(request, pk)
    if not rec.source_document:
        raise Http404("No document.")
    return file_response(rec.source_document)
