"""Forms of the funding agreement pages. They only gather input; the services validate and write."""

from __future__ import annotations

from django import forms

from aspm import fields as text
from aspm.financial_calendar import year_label
from aspm.forms import DateInput
from partnerships.access import scoped
from partnerships.models import Organisation

from ..models import REVIEW_ITEMS, BudgetLine, FundingAgreement, Indicator, Objective


class AgreementForm(forms.ModelForm):
    document = forms.FileField(
        required=False,
        label="Agreement document",
        help_text=(
            "The signed agreement or grant letter (PDF, Word or a spreadsheet, up to 10 MB). "
            "Leave empty to keep the one stored."
        ),
    )
    document_link = forms.URLField(
        required=False,
        assume_scheme="https",
        label="Link to the agreement",
        help_text="Where it is stored, if not uploaded.",
    )

    class Meta:
        model = FundingAgreement
        fields = (
            "title",
            "funder_organisation",
            "funder_name",
            "providers",
            "purpose",
            "start_date",
            "end_date",
            "total_value",
            "schedule",
            "tolerance_percent",
            "objectives",
            "indicators",
        )
        labels = {
            "title": "Name of the agreement",
            "start_date": "Start date",
            "end_date": "End date",
            "funder_organisation": "Funder, if it is a partner organisation",
            "funder_name": "Or the funder's name, if it is outside the partnership",
            "providers": "Providers",
            "total_value": "Total value (£)",
            "tolerance_percent": "Spending tolerance (%)",
            "objectives": "Agreed outcomes (objectives of the plan)",
            "indicators": "Key performance indicators",
        }
        help_texts = {
            "purpose": "What the money pays for, in a few sentences.",
            "schedule": "How often the provider sends a monitoring report.",
            "objectives": (
                "The outcomes the agreement is meant to bring about. Their results chains show the outputs agreed."
            ),
            "indicators": (
                "Indicators of the plan that measure the agreement's outputs and outcomes; "
                "their targets are the output goals."
            ),
        }
        error_messages = {
            "title": {"required": "Enter the name of the agreement."},
            "providers": {"required": "Choose at least one organisation that provides the service."},
            "purpose": {"required": "Say what the money pays for."},
            "start_date": {"required": "Enter the date the agreement starts.", "invalid": "Enter a real date."},
            "end_date": {"required": "Enter the date the agreement ends.", "invalid": "Enter a real date."},
            "total_value": {"required": "Enter the total value in pounds.", "invalid": "Enter an amount in pounds."},
        }
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "providers": forms.CheckboxSelectMultiple,
            "objectives": forms.CheckboxSelectMultiple,
            "indicators": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = scoped(partnership, Organisation).filter(is_active=True)
        self.fields["funder_organisation"].queryset = organisations
        self.fields["funder_organisation"].required = False
        self.fields["providers"].queryset = organisations
        self.fields["objectives"].queryset = scoped(partnership, Objective).order_by("code")
        self.fields["objectives"].label_from_instance = lambda o: f"{o.code} {o.title}"
        self.fields["objectives"].required = False
        self.fields["indicators"].queryset = scoped(partnership, Indicator).order_by("code")
        self.fields["indicators"].label_from_instance = lambda i: f"{i.code} {i.name}"
        self.fields["indicators"].required = False

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end must be on or after the start.")
        return cleaned


class BudgetLineForm(forms.ModelForm):
    year_start = forms.TypedChoiceField(label="Financial year", coerce=lambda v: v)

    class Meta:
        model = BudgetLine
        fields = ("year_start", "category", "description", "amount")
        labels = {"category": "Kind of cost", "amount": "Amount (£)"}
        error_messages = {
            "category": {"required": "Choose the kind of cost."},
            "amount": {"required": "Enter the amount in pounds.", "invalid": "Enter an amount in pounds."},
        }
        help_texts = {"description": "Optional, e.g. “Support worker, 0.5 FTE”."}

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year_start"].choices = [(y.isoformat(), year_label(y)) for y in years]
        self.fields["year_start"].coerce = lambda value: next(y for y in years if y.isoformat() == value)
        if self.instance.pk:
            self.initial["year_start"] = self.instance.year_start.isoformat()


class ReviewForm(forms.Form):
    """The seven questions of a provider's annual review (see ``REVIEW_ITEMS``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, question, hint in REVIEW_ITEMS:
            self.fields[name] = forms.CharField(
                label=question,
                help_text=hint,
                required=False,
                max_length=text.NARRATIVE,
                widget=forms.Textarea(attrs={"rows": 4}),
            )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="What should the provider change?",
        max_length=text.SHORT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the provider should change, so they can fix it."},
    )
