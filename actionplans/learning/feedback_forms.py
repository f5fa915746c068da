"""Forms of feedback. Choices come only from the partnership (organisations, forms, actions) and the
question bank; the services check everything again."""

from __future__ import annotations

from django import forms

from actionplans.models import Action
from aspm.forms import DateInput
from indicators.models import Indicator, Unit
from partnerships.access import scoped
from partnerships.models import Organisation

from . import feedback_bank as bank
from .models import Audience, FeedbackForm
from .models_feedback import FREE_TEXT_LIMIT

_FOR = {bank.SERVICE_USERS: "Service users", bank.TRAINING: "Training follow-up"}


class NewFormForm(forms.Form):
    title = forms.CharField(max_length=200, help_text="e.g. “How was your support? Spring 2026”.")
    audience = forms.ChoiceField(label="Who it is for", choices=Audience.choices)
    organisation = forms.ModelChoiceField(
        label="Organisation that runs it",
        queryset=Organisation.objects.none(),
        help_text="Its workers enter the answers.",
    )
    questions = forms.MultipleChoiceField(
        label="Questions",
        widget=forms.CheckboxSelectMultiple,
        choices=[(q.key, f"{_FOR[q.audience]}: {q.text}") for q in bank.QUESTIONS],
        help_text=f"Up to {bank.MAX_QUESTIONS}, all for the same audience. Every question may be skipped.",
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = scoped(partnership, Organisation).filter(is_active=True)


class AnswersForm(forms.Form):
    """One field per question of the form; every question may be skipped."""

    answered_on = forms.DateField(
        label="Date the answers were given",
        required=False,
        widget=DateInput,
        help_text="Today, unless you are typing in a printed form filled in earlier. Only the day is kept.",
    )

    def __init__(self, *args, feedback_form: FeedbackForm, **kwargs):
        super().__init__(*args, **kwargs)
        for key in feedback_form.questions:
            q = bank.BY_KEY.get(key)
            if q is None:
                continue
            if q.kind == bank.TEXT:
                self.fields[key] = forms.CharField(
                    label=q.text,
                    required=False,
                    strip=True,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    help_text=f"Up to {FREE_TEXT_LIMIT} characters. Leave out names, ages, nationalities, "
                    "places, dates and contact details.",
                )
            else:
                self.fields[key] = forms.ChoiceField(
                    label=q.text, required=False, choices=q.options, widget=forms.RadioSelect
                )


class YouSaidForm(forms.Form):
    you_said = forms.CharField(
        label="You said", widget=forms.Textarea(attrs={"rows": 2}), help_text="The theme, in the words people used."
    )
    we_did = forms.CharField(
        label="We did", widget=forms.Textarea(attrs={"rows": 3}), help_text="What changed because of it."
    )
    date = forms.DateField(label="Date of the change", widget=DateInput)
    form = forms.ModelChoiceField(label="From the feedback form", queryset=FeedbackForm.objects.none(), required=False)
    actions = forms.ModelMultipleChoiceField(
        label="Actions in the plan",
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The actions that carry the change.",
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = scoped(partnership, FeedbackForm)
        self.fields["actions"].queryset = scoped(partnership, Action).order_by("title")


class IndicatorLinkForm(forms.Form):
    """Link one of the form's questions to a proportion indicator its organisation reports."""

    question = forms.ChoiceField(label="Question")
    indicator = forms.ModelChoiceField(
        label="Indicator it feeds",
        queryset=Indicator.objects.none(),
        help_text="A proportion the form's organisation reports.",
    )
    counts_as = forms.MultipleChoiceField(
        label="Answers the share counts",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick the answers of the chosen question. For a statement, “Agree” and “Strongly agree” if "
        "you tick none.",
    )

    def __init__(self, *args, feedback_form: FeedbackForm, **kwargs):
        super().__init__(*args, **kwargs)
        asked = [bank.BY_KEY[k] for k in feedback_form.questions if k in bank.BY_KEY]
        asked = [q for q in asked if q.kind != bank.TEXT]
        self.fields["question"].choices = [(q.key, q.text) for q in asked]
        self.fields["counts_as"].choices = [
            (f"{q.key}:{number}", f"{q.text} — {label}") for q in asked for number, label in q.options
        ]
        self.fields["indicator"].queryset = (
            scoped(feedback_form.partnership, Indicator)
            .filter(is_active=True, unit=Unit.PERCENTAGE, reporting_organisations=feedback_form.organisation_id)
            .order_by("code")
        )

    def clean(self):
        data = super().clean()
        key = data.get("question")
        data["counts_as"] = [int(v.split(":")[1]) for v in data.get("counts_as") or [] if v.split(":")[0] == key]
        return data
