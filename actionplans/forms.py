"""Forms of the action plan. They only collect input: services validate and write."""

from __future__ import annotations

from django import forms

from aspm import fields as text
from aspm.forms import DateInput
from aspm.validators import validate_date_in_range
from indicators.models import Indicator, Objective, Strand
from partnerships.access import scoped
from partnerships.models import Membership, Organisation, Partnership, SubGroup

from .models import Action, RagStatus
from .selectors import SORTS
from .services import EDITABLE


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = EDITABLE
        widgets = {
            "start_date": DateInput(),
            "due_date": DateInput(),
            "title": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "objective": "The action's strand follows its objective.",
            "strand": "Only used when the action has no objective.",
            "owner_person": "The member who answers for it (optional).",
        }

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields
        f["objective"].queryset = scoped(partnership, Objective).select_related("strand")
        f["strand"].queryset = scoped(partnership, Strand)
        f["subgroup"].queryset = scoped(partnership, SubGroup)
        f["owner_organisation"].queryset = scoped(partnership, Organisation).filter(is_active=True)
        f["owner_person"].queryset = scoped(partnership, Membership).select_related("user", "organisation")
        f["owner_person"].label_from_instance = lambda m: (
            f"{m.user.full_name} ({m.organisation or m.get_role_display()})"
        )
        f["indicator"].queryset = scoped(partnership, Indicator).filter(is_active=True)

    def _post_clean(self):
        # The service validates the whole action (links, dates); skip ModelForm's instance validation.
        pass


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=RagStatus.choices, label="New status")
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What happened, in a sentence. Needed for Red.",
        max_length=text.SHORT,
    )
    expected_status = forms.ChoiceField(choices=RagStatus.choices, required=False, widget=forms.HiddenInput)


class BulkStatusForm(forms.Form):
    status = forms.ChoiceField(choices=RagStatus.choices, label="Set the chosen actions to")
    note = forms.CharField(label="Note for all of them", required=False, max_length=2000)


FILTER_STATUS = [("", "Any status"), *RagStatus.choices, ("overdue", "Overdue")]


class PlanFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False)
    status = forms.ChoiceField(choices=FILTER_STATUS, required=False)
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False, label="Owner")
    strand = forms.ModelChoiceField(queryset=Strand.objects.none(), required=False, empty_label="Any strand")
    due = forms.ChoiceField(
        choices=[("", "Any time"), ("this_quarter", "Due this quarter")], required=False, label="Due"
    )
    group = forms.ChoiceField(
        choices=[("strand", "Strand"), ("objective", "Objective"), ("subgroup", "Sub-group"), ("none", "No grouping")],
        required=False,
        label="Group by",
    )
    sort = forms.ChoiceField(choices=[(k, k) for k in SORTS], required=False, widget=forms.HiddenInput)

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = scoped(partnership, Organisation)
        self.fields["organisation"].empty_label = "Any organisation"
        self.fields["strand"].queryset = scoped(partnership, Strand)
        for field in self.fields.values():
            widget = field.widget
            widget.attrs["class"] = "form-select" if isinstance(widget, forms.Select) else "form-control"

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        d = self.cleaned_data
        return {
            "q": d.get("q") or "",
            "status": d.get("status") or "",
            "organisation": d["organisation"].pk if d.get("organisation") else None,
            "strand": d["strand"].pk if d.get("strand") else None,
            "due": d.get("due") or "",
            "group": d.get("group") or "strand",
            "sort": d.get("sort") or "due",
        }


class AsOfForm(forms.Form):
    date = forms.DateField(
        label="Show the plan as it stood on", widget=DateInput(), validators=[validate_date_in_range]
    )
