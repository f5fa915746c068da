"""Forms for partnership details, organisations, members, invitations and the audit filter."""

from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation

from aspm.disclosure import policy as disclosure_rules
from aspm.forms import DateInput
from aspm.validators import single_line, validate_date_in_range

from .audit_display import action_label, kind_label
from .models import Organisation, Partnership, Role
from .services import PARTNERSHIP_EDITABLE


class PartnershipForm(forms.ModelForm):
    class Meta:
        model = Partnership
        fields = PARTNERSHIP_EDITABLE


class DisclosurePolicyForm(forms.Form):
    """The partnership's disclosure rules. The service checks the values (one set of messages)."""

    method = forms.ChoiceField(
        label="How small counts are protected in published outputs",
        choices=disclosure_rules.METHOD_CHOICES,
        widget=forms.RadioSelect,
    )
    threshold = forms.IntegerField(
        label="Smallest count shown (for “Hide small counts”)",
        help_text=f"Counts below this are hidden: 5 hides 1 to 4 and shows them as “<5”. "
        f"From {disclosure_rules.MIN_THRESHOLD} to {disclosure_rules.MAX_THRESHOLD}.",
        error_messages={
            "required": "Enter the smallest count shown, a whole number.",
            "invalid": "Enter a whole number.",
        },
    )
    reason = forms.CharField(
        label="Why are the rules changing?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed for a change after the first month of the financial year. Kept in the audit log.",
    )


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ("name", "sector", "is_active")
        help_texts = {"is_active": "Untick when the organisation has left the partnership; its history stays."}


class _RoleFields(forms.Form):
    role = forms.ChoiceField(choices=Role.choices, help_text="What this person may do: see the table below.")
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        help_text="For a partner SPOC only: the organisation they report for.",
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.SPOC and not data.get("organisation"):
            self.add_error("organisation", "Choose the organisation this partner SPOC reports for.")
        if data.get("role") and data.get("role") != Role.SPOC:
            data["organisation"] = None
        return data


class InviteForm(_RoleFields):
    email = forms.EmailField(label="Email address", help_text="We send the invitation link to this address.")
    field_order = ("email", "role", "organisation")


class MembershipRoleForm(_RoleFields):
    named_in_publications = forms.BooleanField(
        label="Name this person in published reports",
        required=False,
        help_text="Only with their agreement, e.g. the chair or the coordinator. Otherwise reports for readers "
        "outside the partnership give their organisation or role, never their name.",
    )


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label="Your full name", max_length=150, validators=[single_line])
    password1 = forms.CharField(
        label="Choose a password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Type the password again", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", "The two passwords are not the same.")
        return data


class AuditFilterForm(forms.Form):
    text = forms.CharField(label="Search", required=False, help_text="Object or person")
    actor = forms.TypedChoiceField(label="Who", required=False, coerce=int, empty_value=None)
    object_type = forms.ChoiceField(label="What kind of record", required=False)
    action = forms.ChoiceField(label="Change", required=False)
    since = forms.DateField(label="From", required=False, widget=DateInput(), validators=[validate_date_in_range])
    until = forms.DateField(label="To", required=False, widget=DateInput(), validators=[validate_date_in_range])

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].choices = [("", "Anyone")] + [(pk, name) for pk, name in choices["actors"]]
        types = sorted(((t, kind_label(t)) for t in choices["object_types"] if t), key=lambda c: c[1])
        self.fields["object_type"].choices = [("", "Any"), *types]
        actions = sorted(((a, action_label(a)) for a in choices["actions"]), key=lambda c: c[1])
        self.fields["action"].choices = [("", "Any"), *actions]
