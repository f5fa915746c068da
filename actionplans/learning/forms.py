"""Forms of the recommendations register (rendered with the site's crispy forms)."""

from __future__ import annotations

from django import forms

from aspm.forms import DateInput
from partnerships.access import scoped
from partnerships.models import Membership, Organisation

from .models import Recommendation, Response


class RecommendationForm(forms.ModelForm):
    source_link = forms.URLField(label="Link to the source", required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Recommendation
        fields = [
            "source_kind",
            "source_title",
            "source_date",
            "source_document",
            "source_link",
            "reference",
            "text",
            "owner_organisation",
            "owner_person",
            "response_due",
            "due_date",
        ]
        widgets = {
            "source_date": DateInput(),
            "response_due": DateInput(),
            "due_date": DateInput(),
            "text": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "source_document": "Upload the report, or give a link to it below.",
            "response_due": "When the partnership must give its management response.",
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = scoped(partnership, Organisation).order_by("name")
        self.fields["owner_person"].queryset = (
            scoped(partnership, Membership).select_related("user", "organisation").order_by("user__full_name")
        )
        self.fields["owner_person"].label_from_instance = lambda m: (
            f"{m.user.full_name} ({m.organisation})" if m.organisation_id else m.user.full_name
        )


class ResponseForm(forms.Form):
    response = forms.ChoiceField(
        label="Management response",
        choices=[c for c in Response.choices if c[0] != Response.PENDING],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose accepted, partly accepted or not accepted."},
    )
    reasons = forms.CharField(
        label="Reasons",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed when the recommendation is not fully accepted.",
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Progress note",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write the progress note."},
    )


class MakeActionsForm(forms.Form):
    titles = forms.CharField(
        label="Actions to add to the plan, one a line",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Leave empty for one action worded from the recommendation.",
    )
