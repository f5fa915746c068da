"""Forms of the strategy pages. They only gather input; services validate and write."""

from __future__ import annotations

from django import forms

from aspm import fields as text
from aspm.forms import DateInput
from aspm.validators import validate_date_in_range
from partnerships.access import scoped
from partnerships.models import Organisation, SubGroup

from ..models import (
    OBJECTIVE_FIELDS,
    RISK_FIELDS,
    Assumption,
    AssumptionStatus,
    ChainLevel,
    GoalStatus,
    Indicator,
    Objective,
    PathwayStage,
    PlanStatement,
    ResultsChainEntry,
    Risk,
    Strand,
)


class PlanStatementForm(forms.ModelForm):
    class Meta:
        model = PlanStatement
        fields = ("vision", "mission", "theory_of_change")
        widgets = {f: forms.Textarea(attrs={"rows": 4}) for f in ("vision", "mission")} | {
            "theory_of_change": forms.Textarea(attrs={"rows": 8})
        }


class StrategyPeriodForm(forms.Form):
    """The first and last financial year of the strategy (the service checks it is three to five years)."""

    strategy_start_year = forms.TypedChoiceField(coerce=int, label="First financial year")
    strategy_end_year = forms.TypedChoiceField(
        coerce=int, label="Last financial year", help_text="A strategy period runs for three to five financial years."
    )

    def __init__(self, *args, years: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("strategy_start_year", "strategy_end_year"):
            self.fields[name].choices = years


class AssumptionForm(forms.ModelForm):
    evidence_link = forms.URLField(
        required=False, assume_scheme="https", label="Link to evidence", help_text="A report, minutes or data source."
    )

    class Meta:
        model = Assumption
        fields = ("statement", "indicator", "evidence_link")
        widgets = {"statement": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = scoped(partnership, Indicator).filter(is_active=True)
        self.fields["indicator"].required = False


class AssumptionReviewForm(forms.Form):
    status = forms.ChoiceField(choices=AssumptionStatus.choices, label="What the evidence says now")
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Evidence and reasoning", max_length=text.SHORT
    )
    on = forms.DateField(widget=DateInput(), label="Date of this judgement", validators=[validate_date_in_range])


class StrandForm(forms.ModelForm):
    class Meta:
        model = Strand
        fields = ("name", "description", "order")
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class ObjectiveForm(forms.ModelForm):
    pathway_stages = forms.MultipleChoiceField(
        choices=PathwayStage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Victim care pathway stages",
        help_text="The stages of a survivor's journey this objective works on.",
    )

    class Meta:
        model = Objective
        fields = OBJECTIVE_FIELDS
        labels = {"owner_organisation": "Owner (organisation)", "owner_subgroup": "Owner (sub-group)"}
        help_texts = {
            "code": "Leave empty to get the next number, e.g. OBJ9.",
            "owner_subgroup": "Choose an organisation or a sub-group, not both.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "vision_link": forms.Textarea(attrs={"rows": 2}),
            "start_date": DateInput(),
            "end_date": DateInput(),
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].required = False
        self.fields["strand"].queryset = scoped(partnership, Strand)
        self.fields["owner_organisation"].queryset = scoped(partnership, Organisation).filter(is_active=True)
        self.fields["owner_subgroup"].queryset = scoped(partnership, SubGroup)

    def clean_code(self):
        return (self.cleaned_data.get("code") or "").strip() or (self.instance.code if self.instance.pk else "")


class SpecificForm(forms.Form):
    confirmed = forms.BooleanField(
        required=False, label="I confirm this objective says what will change, for whom, where and by how much"
    )


class ChainEntryForm(forms.ModelForm):
    class Meta:
        model = ResultsChainEntry
        fields = ("description", "leads_to", "link_assumption")
        labels = {"leads_to": "Leads to"}
        widgets = {"link_assumption": forms.TextInput()}

    def __init__(self, *args, objective, level, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leads_to"].queryset = scoped(objective.partnership, ResultsChainEntry).filter(
            objective=objective, level=level + 1
        )
        self.fields["leads_to"].required = False
        self.fields["leads_to"].empty_label = "— not linked yet —"
        self.fields["leads_to"].label_from_instance = lambda entry: entry.description
        self.fields["description"].widget = forms.TextInput()
        if level >= ChainLevel.IMPACT:
            del self.fields["leads_to"]
            del self.fields["link_assumption"]


class RiskForm(forms.ModelForm):
    likelihood = forms.IntegerField(
        min_value=1, max_value=5, help_text="1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain."
    )
    impact = forms.IntegerField(
        min_value=1, max_value=5, help_text="1 minor, 2 moderate, 3 serious, 4 major, 5 severe."
    )

    class Meta:
        model = Risk
        fields = (*RISK_FIELDS, "objectives")
        labels = {"owner_organisation": "Owner"}
        widgets = {
            "cause": forms.Textarea(attrs={"rows": 2}),
            "consequence": forms.Textarea(attrs={"rows": 2}),
            "mitigation": forms.Textarea(attrs={"rows": 3}),
            "review_date": DateInput(),
            "objectives": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = scoped(partnership, Organisation).filter(is_active=True)
        self.fields["objectives"].queryset = scoped(partnership, Objective)
        self.fields["objectives"].required = False


class SubGroupForm(forms.Form):
    name = forms.CharField(max_length=150)
    purpose = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=text.NARRATIVE)
    chair = forms.ModelChoiceField(queryset=None, required=False)
    members = forms.ModelMultipleChoiceField(queryset=None, required=False, widget=forms.CheckboxSelectMultiple)
    strands = forms.ModelMultipleChoiceField(queryset=None, required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, partnership, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = members
        self.fields["members"].queryset = members
        self.fields["strands"].queryset = scoped(partnership, Strand)
        self.fields["chair"].label_from_instance = lambda m: (
            f"{m.user.full_name} ({m.organisation or m.get_role_display()})"
        )
        self.fields["members"].label_from_instance = self.fields["chair"].label_from_instance


class DevelopmentGoalForm(forms.Form):
    status = forms.ChoiceField(choices=GoalStatus.choices)
    achieved_on = forms.DateField(widget=DateInput(), required=False, label="Date", validators=[validate_date_in_range])
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=text.SHORT)
    evidence_file = forms.FileField(
        required=False, label="Evidence document", help_text="PDF, Office document or image, up to 20 MB."
    )
    remove_file = forms.BooleanField(required=False, label="Remove the current document")
    evidence_link = forms.URLField(required=False, label="Or a link to the evidence", assume_scheme="https")
