"""Forms of the outcome journals. Choices come only from the partnership (and, for markers seen, from
the one boundary partner), so a form cannot even offer another's objects; the services check again."""

from __future__ import annotations

from django import forms

from aspm.forms import DateInput
from indicators.models import ChainLevel, OutcomeHarvest, ResultsChainEntry
from partnerships.access import scoped
from partnerships.models import Meeting, Organisation

from .models import BoundaryPartner, MarkerLevel, ProgressMarker


class PartnerForm(forms.ModelForm):
    class Meta:
        model = BoundaryPartner
        fields = ["name", "organisation", "outcome_challenge", "outcomes"]
        widgets = {
            "outcome_challenge": forms.Textarea(attrs={"rows": 3}),
            "outcomes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "name": "An organisation or group you work with and hope to influence, e.g. “Hotel and short-let owners”.",
            "organisation": "Leave empty when the partner is not one of the partnership's organisations.",
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = scoped(partnership, Organisation).filter(is_active=True)
        self.fields["outcomes"].queryset = (
            scoped(partnership, ResultsChainEntry).filter(level=ChainLevel.OUTCOME).select_related("objective")
        )
        self.fields["outcomes"].label_from_instance = lambda e: f"{e.objective.code}: {e.description}"
        self.fields["outcomes"].required = False


class MarkerForm(forms.Form):
    level = forms.TypedChoiceField(choices=MarkerLevel.choices, coerce=int, label="Level")
    text = forms.CharField(max_length=300, label="What you would see")


class EntryForm(forms.Form):
    date = forms.DateField(widget=DateInput(), label="Date of the review")
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), required=False, label="Meeting (optional)")
    observed = forms.ModelMultipleChoiceField(
        queryset=ProgressMarker.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Progress markers seen",
        help_text="Tick every marker you can see now, including those seen at earlier reviews that still hold.",
    )
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, label="Evidence")
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        label="What it means and what we will do",
    )
    harvests = forms.ModelMultipleChoiceField(
        queryset=OutcomeHarvest.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Harvested outcomes this entry draws on (optional)",
    )

    def __init__(self, *args, partner: BoundaryPartner, **kwargs):
        super().__init__(*args, **kwargs)
        partnership = partner.partnership
        self.fields["meeting"].queryset = scoped(partnership, Meeting).order_by("-held_on", "-id")
        self.fields["observed"].queryset = partner.markers.order_by("level", "order", "id")
        self.fields["observed"].label_from_instance = lambda m: f"{m.get_level_display()}: {m.text}"
        self.fields["harvests"].queryset = scoped(partnership, OutcomeHarvest).order_by("-when")
