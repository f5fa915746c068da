"""Forms for the survey (open a round, answer it) and the process-goal targets."""

from __future__ import annotations

from django import forms

from aspm import fields as text
from aspm.forms import DateInput
from aspm.validators import validate_date_in_range

from .goals import ProcessGoal
from .statements import SCALE, STATEMENTS


class OpenRoundForm(forms.Form):
    title = forms.CharField(label="Name of the round", max_length=150, initial="Trust and communication survey")
    opened_on = forms.DateField(
        label="Opens on",
        widget=DateInput(attrs={"class": "form-control"}),
        required=False,
        help_text="Today if left empty.",
        validators=[validate_date_in_range],
    )


class SurveyAnswerForm(forms.Form):
    """A score (or "no view") and an optional comment for each statement."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(v), f"{v} – {label}") for v, label in SCALE] + [("", "No view / prefer not to say")]
        for s in STATEMENTS:
            self.fields[s.code] = forms.ChoiceField(
                label=s.text, choices=choices, required=False, widget=forms.RadioSelect, initial=""
            )
            self.fields[f"{s.code}_comment"] = forms.CharField(
                label="Comment (optional)",
                required=False,
                max_length=text.SHORT,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def items(self) -> list[dict]:
        return [{"statement": s, "score": self[s.code], "comment": self[f"{s.code}_comment"]} for s in STATEMENTS]

    def scores(self) -> dict[str, int | None]:
        return {s.code: int(self.cleaned_data[s.code]) if self.cleaned_data[s.code] else None for s in STATEMENTS}

    def comments(self) -> dict[str, str]:
        return {s.code: self.cleaned_data[f"{s.code}_comment"] for s in STATEMENTS}


class TargetsForm(forms.Form):
    """Target and amber margin for each registered process goal."""

    def __init__(self, *args, goals: list[ProcessGoal], current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = goals
        for g in goals:
            t = current.get(g.code)
            low, high = g.bounds
            step = "1" if g.unit == "percent" else "0.1"
            unit = " (%)" if g.unit == "percent" else " (1 to 5)"
            self.fields[f"{g.code}_target"] = forms.DecimalField(
                label=f"Target{unit}",
                min_value=low,
                max_value=high,
                decimal_places=2,
                initial=t.target if t else g.default_target,
                widget=forms.NumberInput(attrs={"step": step}),
            )
            self.fields[f"{g.code}_margin"] = forms.DecimalField(
                label=f"Amber margin{unit}",
                min_value=0,
                max_value=high - low,
                decimal_places=2,
                initial=t.amber_margin if t else g.default_margin,
                help_text="How far below the target still counts as Amber.",
                widget=forms.NumberInput(attrs={"step": step}),
            )

    def groups(self) -> list[dict]:
        return [{"goal": g, "fields": [self[f"{g.code}_target"], self[f"{g.code}_margin"]]} for g in self.goals]
