"""Pages of feedback, under /p/<slug>/feedback/ (all through the one door). Everyone in the partnership
reads the forms' results (shown only from the small-count threshold) and the "You said, we did" log;
the coordinator builds forms and keeps the log; a worker of the organisation that runs a form (its
SPOC, or a coordinator) enters the answers, on a page made for a phone."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from actionplans import clock
from aspm.forms import call_service
from partnerships.access import Perm, can, get_object_for
from partnerships.decorators import partnership_view

from . import feedback_selectors as selectors
from .feedback_forms import AnswersForm, IndicatorLinkForm, NewFormForm, YouSaidForm
from .models import FeedbackForm, YouSaidWeDid
from .services import feedback as services
from .services import feedback_indicators as indicators

MANAGE = Perm.MANAGE_RECOMMENDATIONS
# Entering answers is the organisation's own submission, like its quarterly return: its SPOC, or a
# coordinator (who holds the broader right).
ENTER = Perm.SUBMIT_OWN_RETURN


def _form(request, pk: int, need: Perm = Perm.VIEW, organisation_of=None) -> FeedbackForm:
    return get_object_for(
        request.membership,
        selectors.form_queryset(request.partnership),
        pk=pk,
        need=need,
        organisation_of=organisation_of,
    )


@partnership_view(need=Perm.VIEW)
def feedback(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.forms(request.partnership))
    context = {
        "forms": [(f, f.is_open and can(request.membership, ENTER, organisation=f.organisation)) for f in rows],
        "you_said": selectors.you_said(request.partnership),
        "minimum": selectors.minimum_shown(request.partnership),
        "can_manage": can(request.membership, MANAGE),
    }
    return render(request, "learning/feedback.html", context)


@partnership_view(need=MANAGE)
def form_create(request: HttpRequest) -> HttpResponse:
    form = NewFormForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, made = call_service(
            form, services.form_create, actor=request.user, partnership=request.partnership, **form.cleaned_data
        )
        if ok:
            messages.success(request, "The feedback form is ready. Its organisation's workers can now enter answers.")
            return redirect("learning:feedback_results", slug=request.partnership.slug, pk=made.pk)
    return render(request, "learning/feedback_new.html", {"form": form})


@partnership_view(need=Perm.VIEW)
def results(request: HttpRequest, pk: int) -> HttpResponse:
    return _results_page(request, _form(request, pk))


def _results_page(request, found, link_form: IndicatorLinkForm | None = None) -> HttpResponse:
    """The form's results; with a refused ``link_form``, shown again with its errors (422)."""
    can_manage = can(request.membership, MANAGE)
    context = {
        "results": selectors.results(found),
        "links": selectors.indicator_links(found),
        "link_form": link_form or (IndicatorLinkForm(feedback_form=found) if can_manage else None),
        "can_manage": can_manage,
        "can_enter": found.is_open and can(request.membership, ENTER, organisation=found.organisation),
    }
    return render(request, "learning/feedback_results.html", context, status=422 if link_form else 200)


@partnership_view(need=Perm.VIEW)
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    found = _form(request, pk, need=ENTER, organisation_of=lambda f: f.organisation)
    form = AnswersForm(request.POST or None, feedback_form=found, initial={"answered_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        answers = dict(form.cleaned_data)
        ok, _ = call_service(
            form,
            services.answers_record,
            actor=request.user,
            form=found,
            on=answers.pop("answered_on"),
            answers=answers,
            threshold=selectors.minimum_shown(request.partnership),
        )
        if ok:
            messages.success(request, "Thank you: the answers are kept, without a name or a time.")
            return redirect("learning:feedback_answer", slug=request.partnership.slug, pk=found.pk)
    return render(request, "learning/feedback_answer.html", {"feedback_form": found, "form": form})


@partnership_view(need=Perm.VIEW)
def printable(request: HttpRequest, pk: int) -> HttpResponse:
    """The form on paper, for a worker to hand over and type in later."""
    found = _form(request, pk)
    return render(
        request, "learning/feedback_print.html", {"feedback_form": found, "form": AnswersForm(feedback_form=found)}
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def set_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Close an open form once confirmed (its linked questions then feed their indicators), or open a
    closed one again."""
    found = _form(request, pk, need=MANAGE)
    if found.is_open and request.POST.get("confirm") != "yes":
        messages.error(request, "The form is still open: confirm with “Yes, close the form”.")
    elif found.is_open:
        fed = services.form_close(actor=request.user, form=found)
        messages.success(request, "The form is closed: it takes no more answers.")
        if fed:
            messages.info(request, indicators.in_a_sentence(fed))
    else:
        services.form_set_open(actor=request.user, form=found, is_open=True)
        messages.success(request, "The form takes answers again.")
    return redirect("learning:feedback_results", slug=request.partnership.slug, pk=found.pk)


@partnership_view(need=Perm.VIEW)
@require_POST
def link_create(request: HttpRequest, pk: int) -> HttpResponse:
    found = _form(request, pk, need=MANAGE)
    form = IndicatorLinkForm(request.POST, feedback_form=found)
    if form.is_valid():
        ok, _ = call_service(form, indicators.link_create, actor=request.user, form=found, **form.cleaned_data)
        if ok:
            messages.success(request, "The question now feeds the indicator, on closing or when you record it.")
            return redirect("learning:feedback_results", slug=request.partnership.slug, pk=found.pk)
    return _results_page(request, found, link_form=form)


@partnership_view(need=Perm.VIEW)
@require_POST
def link_delete(request: HttpRequest, pk: int, link: int) -> HttpResponse:
    found = _form(request, pk, need=MANAGE)
    item = get_object_for(request.membership, found.indicator_links.all(), pk=link, need=MANAGE)
    indicators.link_delete(actor=request.user, link=item)
    messages.success(request, "The question no longer feeds the indicator. Figures already recorded stay.")
    return redirect("learning:feedback_results", slug=request.partnership.slug, pk=found.pk)


@partnership_view(need=Perm.VIEW)
@require_POST
def record_indicators(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the linked questions' shares now, without closing the form."""
    found = _form(request, pk, need=MANAGE)
    messages.info(request, indicators.in_a_sentence(indicators.indicators_feed(actor=request.user, form=found)))
    return redirect("learning:feedback_results", slug=request.partnership.slug, pk=found.pk)


@partnership_view(need=MANAGE)
def you_said_create(request: HttpRequest) -> HttpResponse:
    form = YouSaidForm(request.POST or None, partnership=request.partnership, initial={"date": clock.today()})
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.you_said_record, actor=request.user, partnership=request.partnership, **form.cleaned_data
        )
        if ok:
            messages.success(request, "The change is logged under “You said, we did”.")
            return redirect("learning:feedback", slug=request.partnership.slug)
    return render(request, "learning/you_said_form.html", {"form": form})


@partnership_view(need=Perm.VIEW)
@require_POST
def you_said_delete(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_for(request.membership, YouSaidWeDid, pk=pk, need=MANAGE)
    services.you_said_delete(actor=request.user, entry=found)
    messages.success(request, "The entry is deleted. The audit log keeps it.")
    return redirect("learning:feedback", slug=request.partnership.slug)
