"""Entering a figure (with its split and evidence), correcting a locked one, downloading evidence."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from aspm.uploads import file_response
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view

from ...models import Figure, FigureEvidence, Indicator
from .. import services
from ..forms import CorrectionForm, FigureForm, breakdown_field_name


@partnership_view(need=Perm.VIEW)
def figure_enter(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_for(request.membership, Indicator, pk=pk, need=Perm.ENTER_ANY_FIGURES)
    form = FigureForm(request.POST or None, request.FILES or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            figure = services.figure_record_with_evidence(
                actor=request.user,
                indicator=indicator,
                period=form.cleaned_data["period"],
                organisation=form.cleaned_data["organisation"],
                value=form.cleaned_data.get("value", ""),
                numerator=form.cleaned_data.get("numerator"),
                denominator=form.cleaned_data.get("denominator"),
                text_value=form.cleaned_data.get("text_value", ""),
                breakdown=form.breakdown(),
                comment=form.cleaned_data["comment"],
                evidence=form.cleaned_data.get("evidence"),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"The figure of {figure.organisation} for {figure.period} is saved.")
            return redirect("indicators:detail", slug=request.partnership.slug, pk=indicator.pk)
    return render(request, "indicators/figure_form.html", {"form": form, "indicator": indicator})


@partnership_view(need=Perm.VIEW)
def figure_correct(request: HttpRequest, pk: int) -> HttpResponse:
    figure = get_object_for(
        request.membership,
        Figure.objects.select_related("indicator", "period", "organisation"),
        pk=pk,
        need=Perm.MANAGE_PERIODS,
    )
    initial = {
        "value": figure.value if figure.numerator is None else None,
        "numerator": figure.numerator,
        "denominator": figure.denominator,
        "text_value": figure.text_value,
    }
    for dim, parts in (figure.breakdown or {}).items():
        for category, n in parts.items():
            initial[breakdown_field_name(dim, category)] = n
    form = CorrectionForm(request.POST or None, initial=initial, figure=figure)
    if request.method == "POST" and form.is_valid():
        try:
            services.figure_correct(
                actor=request.user,
                figure=figure,
                value=form.cleaned_data.get("value", ""),
                numerator=form.cleaned_data.get("numerator"),
                denominator=form.cleaned_data.get("denominator"),
                text_value=form.cleaned_data.get("text_value", ""),
                breakdown=form.breakdown(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"The figure of {figure.organisation} for {figure.period} is corrected.")
            return redirect("indicators:detail", slug=request.partnership.slug, pk=figure.indicator_id)
    return render(request, "indicators/figure_correct.html", {"form": form, "figure": figure})


@partnership_view(need=Perm.VIEW)
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_for(request.membership, FigureEvidence, pk=pk, need=Perm.VIEW)
    return file_response(evidence.file, download_name=evidence.original_name)
