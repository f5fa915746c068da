"""Forms of the self-assessment rounds. The rating offers only the four levels, each with its
descriptor; the service checks the scale again."""

from __future__ import annotations

from django import forms

from aspm.forms import DateInput
from partnerships.access import scoped
from partnerships.models import Organisation

from . import self_assessment_template as template


class RoundForm(forms.Form):
    title = forms.CharField(max_length=200, label="Title", help_text="e.g. “Self-assessment 2026”.")
    opens_on = forms.DateField(widget=DateInput(), label="Opens on")
    closes_on = forms.DateField(widget=DateInput(), label="Ratings due by")


class StatementForm(forms.Form):
    text = forms.CharField(max_length=300, label="Your own statement", widget=forms.Textarea(attrs={"rows": 2}))


class RatingForm(forms.Form):
    # The choices are checked by the service, not the form, so that a level off the scale gets the
    # service's message (and the same refusal whichever door it came through).
    level = forms.CharField(
        label="How far has your organisation got?",
        widget=forms.RadioSelect(choices=[(n, f"{n} {name}: {text}") for n, name, text in template.SCALE]),
    )
    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        label="Evidence",
        help_text="What shows it: a policy, a training record, figures, an example.",
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        label="Note (optional)",
        help_text="What you plan to do next, or anything the partnership should know.",
    )


class ActionForm(forms.Form):
    title = forms.CharField(max_length=300, label="What will be done")
    owner_organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Owner organisation")
    due_date = forms.DateField(widget=DateInput(), label="To be done by")

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = scoped(partnership, Organisation).filter(is_active=True)
