"""Partnership health pages: the health page, process-goal targets, the trust and communication survey.

Coordinators (Perm.EDIT_PLAN) set targets and open and close survey rounds; every member reads,
and every member may answer an open round once.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aspm import health_goals
from aspm.errors import in_words
from aspm.forms import add_service_errors, call_service

from .. import selectors as partnership_selectors
from ..access import Perm, get_object_for
from ..decorators import partnership_view
from ..models import SurveyRound
from ..services import survey
from ..services.goal_targets import process_goal_targets_set
from . import selectors
from .forms import OpenRoundForm, SurveyAnswerForm, TargetsForm
from .overview import health_overview
from .statements import SCALE, THEMES
from .trend import survey_trend_chart


@partnership_view(need=Perm.VIEW)
def health_page(request: HttpRequest) -> HttpResponse:
    return render(request, "health/health_page.html", health_overview(request.partnership))


@partnership_view(need=Perm.EDIT_PLAN)
def targets_edit(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    goals = [g for g in health_goals.registered() if g.settable]
    form = TargetsForm(request.POST or None, goals=goals, current=selectors.goal_targets(partnership))
    if request.method == "POST" and form.is_valid():
        try:
            process_goal_targets_set(
                actor=request.user,
                partnership=partnership,
                targets={
                    g.code: (form.cleaned_data[f"{g.code}_target"], form.cleaned_data[f"{g.code}_margin"])
                    for g in goals
                },
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The targets are saved.")
            return redirect("health:page", slug=partnership.slug)
    return render(request, "health/targets.html", {"form": form})


@partnership_view(need=Perm.VIEW)
def survey_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    rounds = list(selectors.survey_rounds(partnership))
    open_round = next((r for r in rounds if r.is_open), None)
    trend = selectors.survey_trend(partnership)
    context = {
        "rounds": rounds,
        "open_round": open_round,
        "answered": selectors.has_answered(request.membership, open_round) if open_round else False,
        "open_form": OpenRoundForm(),
        "trend": trend,
        "trend_chart": survey_trend_chart(trend) if trend else "",
        "themes": list(THEMES.values()),
        "survey_minimum": partnership_selectors.disclosure_policy(partnership).group_minimum,
    }
    return render(request, "health/survey_list.html", context)


@partnership_view(need=Perm.EDIT_PLAN)
@require_POST
def survey_open(request: HttpRequest) -> HttpResponse:
    form = OpenRoundForm(request.POST)
    if form.is_valid():
        ok, round = call_service(
            form,
            survey.survey_round_open,
            actor=request.user,
            partnership=request.partnership,
            title=form.cleaned_data["title"],
            opened_on=form.cleaned_data["opened_on"],
        )
        if ok:
            messages.success(request, f"{round.title} is open: members can answer now.")
            return redirect("health:survey_round", slug=request.partnership.slug, pk=round.pk)
    for error in form.errors.values():
        messages.error(request, " ".join(error))
    return redirect("health:survey", slug=request.partnership.slug)


@partnership_view(need=Perm.VIEW)
def survey_round(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    round = get_object_for(request.membership, SurveyRound, pk=pk)
    results = selectors.round_results(partnership, round)
    context = {
        "round": round,
        "results": results,
        "answered": selectors.has_answered(request.membership, round),
    }
    return render(request, "health/survey_round.html", context)


@partnership_view(need=Perm.VIEW)
@require_POST
def survey_close(request: HttpRequest, pk: int) -> HttpResponse:
    round = get_object_for(request.membership, SurveyRound, pk=pk, need=Perm.EDIT_PLAN)
    try:
        survey.survey_round_close(actor=request.user, round=round)
        messages.success(request, f"{round.title} is closed.")
    except ValidationError as error:
        messages.error(request, in_words(error))
    return redirect("health:survey_round", slug=request.partnership.slug, pk=round.pk)


@partnership_view(need=Perm.VIEW)
def survey_answer(request: HttpRequest, pk: int) -> HttpResponse:
    round = get_object_for(request.membership, SurveyRound, pk=pk, need=Perm.VIEW)
    slug = request.partnership.slug
    if not round.is_open:
        messages.info(request, "This survey round has closed.")
        return redirect("health:survey_round", slug=slug, pk=round.pk)
    if selectors.has_answered(request.membership, round):
        messages.info(request, "You have already answered this round. Thank you.")
        return redirect("health:survey_round", slug=slug, pk=round.pk)
    form = SurveyAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            survey.survey_answer,
            membership=request.membership,
            round=round,
            scores=form.scores(),
            comments=form.comments(),
        )
        if ok:
            messages.success(request, "Thank you: your answers are recorded, without your name.")
            return redirect("health:survey_round", slug=slug, pk=round.pk)
    return render(
        request,
        "health/survey_answer.html",
        {
            "round": round,
            "form": form,
            "scale": SCALE,
            "survey_minimum": partnership_selectors.disclosure_policy(request.partnership).group_minimum,
        },
    )
