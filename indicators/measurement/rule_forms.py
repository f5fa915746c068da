"""The form of a validation rule. It collects input; ``services.rules`` decides what is valid."""

from __future__ import annotations

from django import forms

from partnerships.access import scoped

from ..models import Indicator, RuleKind, RuleOperator, RuleSeverity, Unit


class IndicatorChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Indicator) -> str:
        return f"{obj.code} {obj.name}"


class ValidationRuleForm(forms.Form):
    name = forms.CharField(max_length=200, help_text="A short sentence, e.g. “Individuals convicted ≤ convictions”.")
    kind = forms.ChoiceField(
        label="What the rule checks",
        choices=RuleKind.choices,
        widget=forms.RadioSelect,
        initial=RuleKind.COMPARE,
        help_text="“Split adds up to the total”: each split of one indicator (by age group, sex…) adds up to "
        "its figure. Leave the right-hand side empty for it.",
    )
    left = IndicatorChoice(
        label="Left-hand side",
        queryset=Indicator.objects.none(),
        help_text="One indicator, or several to add together. Hold Ctrl (Cmd on a Mac) to choose more than one.",
        widget=forms.SelectMultiple(attrs={"size": 8}),
        required=False,
    )
    operator = forms.ChoiceField(label="Comparison", choices=RuleOperator.choices, initial=RuleOperator.LE)
    right = IndicatorChoice(
        label="Right-hand side",
        queryset=Indicator.objects.none(),
        help_text="One indicator, or several to add together.",
        widget=forms.SelectMultiple(attrs={"size": 8}),
        required=False,
    )
    severity = forms.ChoiceField(
        choices=RuleSeverity.choices,
        widget=forms.RadioSelect,
        initial=RuleSeverity.WARNING,
        help_text="A warning is shown beside the figures; a rule that must hold also stops a return being "
        "submitted, and refuses the figures in imports and the API.",
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="Why the rule is true (optional)."
    )
    is_active = forms.BooleanField(label="Check this rule", required=False, initial=True)

    def __init__(self, *args, partnership, rule=None, **kwargs):
        if rule is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": rule.name,
                    "kind": rule.kind,
                    "left": list(rule.left.all()),
                    "operator": rule.operator,
                    "right": list(rule.right.all()),
                    "severity": rule.severity,
                    "description": rule.description,
                    "is_active": rule.is_active,
                },
            )
        super().__init__(*args, **kwargs)
        indicators = scoped(partnership, Indicator).exclude(unit=Unit.TEXT).order_by("code")
        self.fields["left"].queryset = indicators
        self.fields["right"].queryset = indicators
