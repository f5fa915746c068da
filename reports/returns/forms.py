"""Forms of the quarterly return pages. Figures are read from the POST by ``figures_from_post``
because their fields depend on the indicators the organisation reports."""

from __future__ import annotations

from django import forms

from aspm import fields as text
from aspm.forms import DateInput
from aspm.validators import validate_date_in_range
from indicators.measurement.dimensions import groups_of, registry_for_indicators

from ..models.returns import NARRATIVE_FIELDS, YEAR_END_FIELDS, Return
from .figures import DIMENSIONS

HELP = {
    "progress": "What the organisation delivered this quarter towards the partnership's plan.",
    "problems": "What got in the way or is at risk, and what you are doing about it.",
    "priorities": "What you will focus on next quarter.",
    "points_for_action": "Anything the partnership, a sub-group or the board needs to decide or do.",
    "key_achievements": "The year's main achievements, for the annual report.",
    "key_challenges": "The year's main challenges, for the annual report.",
    "future_priorities": "Your organisation's priorities for the coming year.",
}
LABELS = {
    "progress": "Progress",
    "problems": "Problems",
    "priorities": "Priorities",
    "points_for_action": "Points for action",
    "key_achievements": "Key achievements of the year",
    "key_challenges": "Key challenges of the year",
    "future_priorities": "Future priorities",
}


class NarrativeForm(forms.Form):
    """The 4Ps reporting format; in the year's last quarter, the three year-end questions too."""

    def __init__(self, *args, return_: Return, **kwargs):
        super().__init__(*args, **kwargs)
        names = NARRATIVE_FIELDS + (YEAR_END_FIELDS if return_.is_year_end else ())
        for name in names:
            self.fields[name] = forms.CharField(
                label=LABELS[name],
                help_text=HELP[name],
                required=False,
                initial=getattr(return_, name),
                max_length=text.NARRATIVE,
                widget=forms.Textarea(attrs={"rows": 4, "data-autosave": ""}),
            )

    def posted(self) -> dict:
        """The answers that were in the POST: a page showing only some sections leaves the others alone."""
        return {name: value for name, value in self.cleaned_data.items() if name in self.data}


def figure_field_names(figure) -> dict:
    prefix = f"f{figure.indicator_id}"
    return {
        "value": f"{prefix}-value",
        "numerator": f"{prefix}-numerator",
        "denominator": f"{prefix}-denominator",
        "text": f"{prefix}-text",
        "comment": f"{prefix}-comment",
        "prefix": prefix,
    }


def figure_anchor(figure) -> str:
    """The id of a figure's first box: where a link to its problem takes the SPOC."""
    names = figure_field_names(figure)
    if figure.indicator.unit == "text":
        return names["text"]
    return names["numerator"] if figure.indicator.rule == "ratio" else names["value"]


def figures_from_post(post, figures) -> dict:
    """``{indicator id: {"value", "numerator", "denominator", "text_value", "comment", "breakdown"}}``
    for the staged figures."""
    data = {}
    figures = list(figures)
    registry = registry_for_indicators([f.indicator for f in figures]) if figures else DIMENSIONS
    for figure in figures:
        names = figure_field_names(figure)
        if names["value"] not in post and names["text"] not in post and names["comment"] not in post:
            continue
        breakdown = {}
        for dimension in figure.indicator.disaggregation or []:
            groups = groups_of(dimension, registry)
            if groups is not None:
                breakdown[dimension] = {code: post.get(f"{names['prefix']}-{dimension}-{code}", "") for code in groups}
        data[figure.indicator_id] = {
            "value": post.get(names["value"], ""),
            "numerator": post.get(names["numerator"], ""),
            "denominator": post.get(names["denominator"], ""),
            "text_value": post.get(names["text"], ""),
            "comment": post.get(names["comment"], ""),
            "breakdown": breakdown,
        }
    return data


class ReasonForm(forms.Form):
    # Checked on the server and shown with the site's error summary, not the browser's own bubble.
    use_required_attribute = False

    reason = forms.CharField(
        label="Your reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=text.SHORT,
        help_text="The organisation sees this, and it is kept in the return's history.",
        error_messages={"required": "Enter your reason, so the organisation knows what to change."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ApproveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class DeadlineForm(forms.Form):
    due_date = forms.DateField(label="Returns due on", widget=DateInput(), validators=[validate_date_in_range])
    reason = forms.CharField(label="Reason for the change (optional)", required=False, max_length=300)


class AttachmentForm(forms.Form):
    file = forms.FileField(label="Evidence file", help_text="PDF, Office documents, images, CSV or text; up to 20 MB.")
    description = forms.CharField(label="What it shows (optional)", required=False, max_length=200)
