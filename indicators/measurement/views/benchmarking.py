"""Benchmarking pages: the comparisons (every member), the choice to share (coordinators), and a
CSV of the same aggregates. Everything about other partnerships comes from :mod:`.benchmarks`."""

from __future__ import annotations

import csv

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from aspm.forms import call_service
from aspm.spreadsheets import neutralise_row
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from ..benchmarks import MIN_PARTNERSHIPS, benchmarks
from ..services.benchmarking import benchmarking_choice, benchmarking_set, shareable_indicators


class BenchmarkingForm(forms.Form):
    opted_in = forms.BooleanField(
        label="Share these indicators, anonymised, with other partnerships that share theirs",
        required=False,
    )
    library_codes = forms.MultipleChoiceField(
        label="Indicators to share", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library_codes"].choices = choices
        self.fields["library_codes"].help_text = (
            "Only numeric indicators adopted from the indicator library can be compared."
            if choices
            else "This partnership has no numeric indicators from the library yet."
        )


@partnership_view(need=Perm.VIEW)
def benchmarking_page(request: HttpRequest) -> HttpResponse:
    page = benchmarks(request.partnership)
    return render(request, "health/benchmarking.html", {"page": page, "min_partnerships": MIN_PARTNERSHIPS})


@partnership_view(need=Perm.EDIT_PLAN)
def benchmarking_settings(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    choice = benchmarking_choice(partnership)
    initial = {"opted_in": choice.opted_in, "library_codes": choice.library_codes}
    form = BenchmarkingForm(request.POST or None, initial=initial, choices=shareable_indicators(partnership))
    if request.method == "POST" and form.is_valid():
        ok, saved = call_service(
            form,
            benchmarking_set,
            actor=request.user,
            partnership=partnership,
            opted_in=form.cleaned_data["opted_in"],
            library_codes=form.cleaned_data["library_codes"],
        )
        if ok:
            if saved.opted_in:
                messages.success(request, "The chosen indicators are shared for benchmarking.")
            else:
                messages.success(request, "Benchmarking is off: this partnership is in no comparison any more.")
            return redirect("indicators:benchmarking", slug=partnership.slug)
    return render(request, "health/benchmarking_settings.html", {"form": form})


@partnership_view(need=Perm.VIEW)
def benchmarking_export(request: HttpRequest) -> HttpResponse:
    page = benchmarks(request.partnership)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="benchmarking.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "Library code",
            "Indicator",
            "Year",
            "Partnerships compared",
            "Lowest",
            "Median",
            "Highest",
            "Our figure",
            "Our position",
            "Note",
        ]
    )
    for c in page.comparisons:
        writer.writerow(
            neutralise_row(
                [
                    c.library_code,
                    c.name,
                    c.year,
                    c.partnerships if c.shown else f"fewer than {MIN_PARTNERSHIPS}",
                    c.low,
                    c.median,
                    c.high,
                    c.own,
                    c.position,
                    c.reason or (c.policy.summary if c.policy else ""),  # the disclosure rules used
                ]
            )
        )
    return response
