"""Forms for meetings: the details, attendance (one line per organisation) and actions arising."""

from __future__ import annotations

from django import forms

from aspm.forms import DateInput
from aspm.uploads import LABELS

from ..models import AttendanceStatus, Meeting, MeetingActionItem, MeetingKind, Organisation, SubGroup


class MeetingForm(forms.ModelForm):
    remove_minutes_file = forms.BooleanField(label="Remove the current minutes file", required=False)

    class Meta:
        model = Meeting
        fields = ("kind", "subgroup", "held_on", "title", "agenda", "minutes", "minutes_file")
        widgets = {
            "held_on": DateInput(),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
            "minutes_file": forms.FileInput(),
        }
        help_texts = {
            "minutes": "Type or paste the minutes here, upload them as a file below, or both.",
            "minutes_file": f"Optional. {LABELS}. Only members of the partnership can download it.",
        }

    def __init__(self, *args, subgroups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subgroup"].queryset = subgroups if subgroups is not None else SubGroup.objects.none()
        self.fields["kind"].choices = MeetingKind.choices
        if not (self.instance.pk and self.instance.minutes_file):
            del self.fields["remove_minutes_file"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == MeetingKind.SUBGROUP and not data.get("subgroup"):
            self.add_error("subgroup", "Choose which sub-group met.")
        elif data.get("kind") != MeetingKind.SUBGROUP:
            # A sub-group picked, then the kind changed: the sub-group goes (as the service does). Left on
            # the form's instance it broke the model's check, shown as the constraint's raw name.
            data["subgroup"] = None
        return data

    def service_values(self) -> dict:
        data = self.cleaned_data
        values = {f: data[f] for f in self.Meta.fields}
        if values["kind"] != MeetingKind.SUBGROUP:
            values["subgroup"] = None
        if not self.files.get("minutes_file"):
            values["minutes_file"] = None
        return values


class AttendanceForm(forms.Form):
    """One choice per organisation: present, apologies, absent or not expected."""

    def __init__(self, *args, organisations: list[Organisation], initial_status: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = organisations
        for org in organisations:
            self.fields[f"att_{org.pk}"] = forms.ChoiceField(
                label=org.name,
                choices=AttendanceStatus.choices,
                initial=initial_status.get(org.pk),  # nothing ticked on a new meeting: each line is a choice
                error_messages={"required": f"Say whether {org.name} attended."},
            )

    def rows(self) -> list[dict]:
        """For the template: each organisation with its current choice and field name."""
        rows = []
        for org in self.organisations:
            bound = self[f"att_{org.pk}"]
            rows.append(
                {
                    "organisation": org,
                    "name": bound.html_name,
                    "value": bound.value(),
                    "errors": bound.errors,
                }
            )
        return rows

    def attendance(self) -> dict[int, str]:
        return {org.pk: self.cleaned_data[f"att_{org.pk}"] for org in self.organisations}


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = MeetingActionItem
        fields = ("text", "owner_organisation", "due_on")
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_on": DateInput()}
        labels = {"text": "Action arising"}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )
        self.fields["owner_organisation"].required = False


class MeetingFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type",
        required=False,
        choices=[("", "All types"), *MeetingKind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    year = forms.TypedChoiceField(
        label="Year", required=False, coerce=int, empty_value=None, widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "All years")] + [(y, str(y)) for y in years]
