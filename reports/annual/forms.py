"""The form a coordinator fills in to start an annual report."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from aspm import fields as text

from .registry import choosable_sections, default_section_keys
from .years import year_choices, year_starting


class StartReportForm(forms.Form):
    year = forms.TypedChoiceField(label="Financial year", coerce=int)
    sections = forms.MultipleChoiceField(
        label="Sections to include",
        widget=forms.CheckboxSelectMultiple,
        help_text="The cover, contents and notes are always included.",
    )
    foreword = forms.CharField(
        label="Foreword (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="A short introduction from the chair or coordinator, printed after the contents.",
        max_length=text.NARRATIVE,
    )
    learning = forms.CharField(
        label="Summary of learning (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the partnership learned this year.",
        max_length=text.NARRATIVE,
    )
    next_year_changes = forms.CharField(
        label="Changes for next year (optional)",
        required=False,
        max_length=text.NARRATIVE,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    for_publication = forms.BooleanField(
        label="This version is for publication outside the partnership",
        required=False,
        help_text="Small counts are then protected by your partnership's disclosure rules (“<5” by default), "
        "with any figure that would give them away; member counts and names are left out. Before it is made, "
        "you review each sentence of its words that could identify someone.",
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        years = year_choices(partnership, timezone.localdate())
        self.fields["year"].choices = [(y.start.year, y.label) for y in years]
        # The annual report is of a finished year: the one just ended, until the current year is in its
        # last quarter, when drafting its own report begins.
        today = timezone.localdate()
        last_quarter = (years[0].end - today).days < 92
        self.fields["year"].initial = years[0 if last_quarter else 1].start.year
        self.fields["sections"].choices = [(s.key, s.title) for s in choosable_sections()]
        self.fields["sections"].initial = default_section_keys()

    def clean_year(self):
        return year_starting(self.partnership, self.cleaned_data["year"])
