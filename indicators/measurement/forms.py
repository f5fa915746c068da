"""Forms of the measurement pages. They collect input; the services decide what is valid."""

from __future__ import annotations

from django import forms

from aspm import fields as text
from aspm.forms import DateInput
from aspm.validators import validate_date_in_range
from partnerships.access import scoped
from partnerships.selectors import active_organisations

from .. import library_data
from ..models import (
    INDICATOR_FIELDS,
    CaseStudy,
    Indicator,
    Objective,
    OutcomeHarvest,
    PathwayStage,
    PeriodKind,
    PeriodStatus,
    ReportingPeriod,
    ResultsChainEntry,
    Strand,
)
from ..models.figures import DIMENSIONS
from . import dimensions


def _scope_links(form, partnership) -> None:
    for name, model in (("objective", Objective), ("chain_entry", ResultsChainEntry), ("strand", Strand)):
        if name in form.fields:
            qs = scoped(partnership, model)
            if model is ResultsChainEntry:
                qs = qs.select_related("objective")
            form.fields[name].queryset = qs


class IndicatorForm(forms.ModelForm):
    reporting_organisations = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Partner organisations that report it",
    )
    disaggregation = forms.MultipleChoiceField(
        choices=[(k, v[0]) for k, v in DIMENSIONS.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Split the figures by",
        help_text="Only for counts of people, victims, cases or referrals. The partnership's own dimensions "
        "are added on the splits page.",
    )
    crosstab_1 = forms.ChoiceField(required=False, label="Cross-tabulate by (first dimension)")
    crosstab_2 = forms.ChoiceField(required=False, label="by (second dimension)")
    crosstab_3 = forms.ChoiceField(required=False, label="and by (third dimension, optional)")
    pathway_stage = forms.ChoiceField(choices=[("", "—")] + list(PathwayStage.choices), required=False)

    class Meta:
        model = Indicator
        fields = (*INDICATOR_FIELDS, "is_active")
        widgets = {
            "baseline_date": DateInput(),
            "definition": forms.Textarea(attrs={"rows": 3}),
            "means_of_verification": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        _scope_links(self, partnership)
        registry = dimensions.dimensions_of(partnership, active_only=True)
        current = list(self.instance.disaggregation or []) if self.instance.pk else []
        every = dimensions.dimensions_of(partnership) if current else registry
        offered = dimensions.choices(registry) + [
            (k, every[k][0]) for k in current if not dimensions.is_crosstab(k) and k in every and k not in registry
        ]
        self.fields["disaggregation"].choices = offered
        for n in (1, 2, 3):
            self.fields[f"crosstab_{n}"].choices = [("", "—")] + offered
            self.fields[f"crosstab_{n}"].help_text = (
                "Each cell (for example Albanian, female) is then entered, and the cells must add up to the total "
                "and to each dimension's split."
                if n == 2
                else ""
            )
        crosstab = next((k for k in current if dimensions.is_crosstab(k)), "")
        for n, part in enumerate(dimensions.parts_of(crosstab) if crosstab else [], start=1):
            self.initial[f"crosstab_{n}"] = part
        self.initial["disaggregation"] = [k for k in current if not dimensions.is_crosstab(k)]
        order = [f for f in self.fields if not f.startswith("crosstab_")]
        at = order.index("disaggregation") + 1
        self.order_fields(order[:at] + ["crosstab_1", "crosstab_2", "crosstab_3"] + order[at:])
        self.fields["reporting_organisations"].queryset = active_organisations(partnership)
        self.fields["rollup"].choices = [("", "The unit's usual rule (counts add up, percentages are proportions)")] + [
            c for c in self.fields["rollup"].choices if c[0]
        ]
        if self.instance.pk:
            self.fields["reporting_organisations"].initial = list(self.instance.reporting_organisations.all())
        else:
            del self.fields["is_active"]

    def validate_unique(self):  # the service checks the code within the partnership
        pass

    def clean(self):
        data = super().clean()
        parts = [data.pop(f"crosstab_{n}", "") for n in (1, 2, 3)]
        parts = [p for p in parts if p]
        if len(parts) == 1:
            self.add_error("crosstab_2", "A cross-tabulation needs a second dimension (or clear the first).")
        elif len(set(parts)) != len(parts):
            self.add_error("crosstab_2", "Choose a different dimension for each place in the cross-tabulation.")
        elif parts:
            data["disaggregation"] = [*data.get("disaggregation", []), dimensions.crosstab_key(parts)]
        return data

    def service_values(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "reporting_organisations"}
        return data


class LibraryAdoptForm(forms.Form):
    codes = forms.MultipleChoiceField(
        choices=[(i["code"], f"{i['code']} {i['name']}") for i in library_data.LIBRARY_INDICATORS],
        widget=forms.CheckboxSelectMultiple,
        label="Indicators to adopt",
        error_messages={"required": "Choose at least one indicator to adopt."},
    )
    objective = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Link them to our objective (optional)",
        empty_label="Do not link yet",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = scoped(partnership, Objective)


class BaselineTargetsForm(forms.Form):
    """Baseline, the whole-plan target and one target per period of the chosen kind."""

    baseline_value = forms.DecimalField(required=False, max_digits=14, decimal_places=2, label="Baseline value")
    baseline_date = forms.DateField(
        required=False, widget=DateInput(), label="Baseline date", validators=[validate_date_in_range]
    )
    baseline_span = forms.ChoiceField(
        required=False,
        label="Period the baseline covers",
        choices=[("", "Not stated"), ("month", "A month"), ("quarter", "A quarter"), ("year", "A financial year")],
        help_text="A quarter's baseline is compared with quarters, a year's with the year.",
    )
    target_plan = forms.CharField(required=False, label="Target for the whole plan")
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why are targets changing?",
        max_length=text.SHORT,
        help_text="Needed when you change a target that was already set; kept in the target's history.",
    )

    def __init__(self, *args, periods, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = periods
        for period in periods:
            name = f"target_{period.pk}"
            self.fields[name] = forms.CharField(required=False, label=f"Target for {period.label}")
            if period.pk in targets:
                self.fields[name].initial = targets[period.pk]
        if None in targets:
            self.fields["target_plan"].initial = targets[None]
        order = [
            "baseline_value",
            "baseline_date",
            "baseline_span",
            "target_plan",
            *[f"target_{p.pk}" for p in periods],
            "reason",
        ]
        self.order_fields(order)

    def target_values(self) -> dict:
        values = {}
        if self.cleaned_data.get("target_plan", "").strip():
            values[None] = self.cleaned_data["target_plan"].strip()
        for period in self.periods:
            raw = self.cleaned_data.get(f"target_{period.pk}", "").strip()
            if raw:
                values[period] = raw
        return values


def breakdown_field_name(dim: str, category: str) -> str:
    return f"bd_{dim}_{category}"


class FigureForm(forms.Form):
    period = forms.ModelChoiceField(queryset=None, label="Reporting period", empty_label="Choose a period")
    organisation = forms.ModelChoiceField(
        queryset=None, label="Reporting organisation", empty_label="Choose an organisation"
    )
    value = forms.CharField(required=False, label="Figure (total)")
    numerator = forms.CharField(
        required=False, label="How many", widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    denominator = forms.CharField(
        required=False, label="Out of", widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    text_value = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label="What was found", max_length=text.NARRATIVE
    )
    comment = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Comment", max_length=text.SHORT
    )
    evidence = forms.FileField(required=False, label="Evidence file (optional)")

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.breakdown_errors: dict[str, list[str]] = {}
        self.fields["period"].queryset = (
            scoped(indicator.partnership, ReportingPeriod).filter(status=PeriodStatus.OPEN).order_by("start", "kind")
        )
        self.fields["organisation"].queryset = indicator.reporting_organisations.filter(is_active=True)
        if indicator.unit == "text":
            del self.fields["value"]
        else:
            del self.fields["text_value"]
            self.fields["value"].help_text = f"Unit: {indicator.get_unit_display()}."
        if indicator.rule == "ratio":
            self.fields["value"].label = "Percentage (only if you do not have the numbers)"
            self.fields["value"].help_text = (
                "Leave it empty when you give “How many” and “Out of”: it is worked out. A percentage without "
                "“Out of” cannot be combined with other organisations’ figures."
            )
            self.fields["numerator"].help_text = "How many had the outcome, e.g. 45 people."
            self.fields["denominator"].help_text = "How many it is a proportion of, e.g. 60 people."
        elif indicator.rule == "mean":
            del self.fields["numerator"]
            self.fields["denominator"].label = "Number of responses"
            self.fields["denominator"].help_text = "How many answers the score averages, so it is weighted fairly."
        else:
            del self.fields["numerator"], self.fields["denominator"]
        self.registry = dimensions.dimensions_for(indicator)
        for dim, groups in self._groups():
            for category, label in groups.items():
                self.fields[breakdown_field_name(dim, category)] = forms.CharField(
                    required=False, label=label, widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 5})
                )

    def _groups(self) -> list[tuple[str, dict[str, str]]]:
        """Each split of the indicator with its groups: a dimension's categories, or a cross-tab's cells."""
        found = []
        for key in self.indicator.disaggregation or []:
            groups = dimensions.groups_of(key, self.registry)
            if groups is not None:
                found.append((key, groups))
        return found

    def dimensions(self) -> list[dict]:
        return [
            {
                "key": key,
                "label": dimensions.label_of(key, self.registry),
                "fields": [self[breakdown_field_name(key, c)] for c in groups],
                "errors": self.breakdown_errors.get(key, []),
            }
            for key, groups in self._groups()
        ]

    def breakdown(self) -> dict:
        result = {}
        for key, groups in self._groups():
            parts = {c: self.cleaned_data.get(breakdown_field_name(key, c), "") for c in groups}
            result[key] = {c: v for c, v in parts.items() if str(v).strip()}
        return result

    def add_service_errors(self, error) -> None:
        for key, messages in error.message_dict.items():
            if key.startswith("breakdown_"):
                self.breakdown_errors.setdefault(key.removeprefix("breakdown_"), []).extend(messages)
                self.add_error(None, messages)
            elif key in ("numerator", "denominator") and key not in self.fields:
                self.add_error(None, messages)
            elif key == "file":
                self.add_error("evidence", messages)
            else:
                self.add_error(key if key in self.fields else None, messages)


class CorrectionForm(FigureForm):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), label="Reason for the correction", max_length=text.SHORT
    )

    def __init__(self, *args, figure, **kwargs):
        super().__init__(*args, indicator=figure.indicator, **kwargs)
        for name in ("period", "organisation", "evidence", "comment"):
            del self.fields[name]


class MilestoneForm(forms.Form):
    """A dated target on the way to the end of the strategy period (the service checks the date)."""

    due_on = forms.DateField(widget=DateInput(), label="To be reached by", validators=[validate_date_in_range])
    value = forms.CharField(
        label="Value to reach", max_length=40, help_text="As you would write it: 120, £3,250.00, 80% or yes."
    )
    note = forms.CharField(required=False, label="Note (optional)", max_length=text.SHORT)


class YearForm(forms.Form):
    year_start = forms.TypedChoiceField(coerce=int, label="Financial year")

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year_start"].choices = years


class SettingsForm(forms.Form):
    tolerance_percent = forms.DecimalField(
        min_value=0,
        max_value=100,
        decimal_places=2,
        label="Tolerance band (%)",
        help_text="How far short of a target still counts as 'at risk' rather than 'off track'.",
    )


class OutcomeHarvestForm(forms.ModelForm):
    class Meta:
        model = OutcomeHarvest
        fields = (
            "title",
            "what_changed",
            "for_whom",
            "when",
            "contribution",
            "evidence",
            "confidence",
            "objective",
            "chain_entry",
        )
        widgets = {
            "when": DateInput(),
            **{f: forms.Textarea(attrs={"rows": 3}) for f in ("what_changed", "contribution", "evidence")},
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        _scope_links(self, partnership)


class CaseStudyForm(forms.ModelForm):
    class Meta:
        model = CaseStudy
        fields = ("title", "summary", "what_helped", "consent_confirmed", "objective", "chain_entry")
        widgets = {"summary": forms.Textarea(attrs={"rows": 6}), "what_helped": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        _scope_links(self, partnership)


PERIOD_KIND_FOR = {"monthly": PeriodKind.MONTH, "quarterly": PeriodKind.QUARTER, "annual": PeriodKind.YEAR}
