"""Forms of peer review: the host names the partnership to invite; the reviewer writes feedback. Both
leave their checks to the services, so the page and any other door give the same messages."""

from __future__ import annotations

from django import forms

from .models_peer_review import FEEDBACK_LIMIT


class InviteForm(forms.Form):
    reviewer = forms.CharField(
        required=False,
        max_length=200,
        label="Partnership to invite",
        help_text="Its name, or its address on ASPM (the part after /p/). Any of its coordinators can then review.",
    )


class FeedbackForm(forms.Form):
    feedback = forms.CharField(
        required=False,
        label="Your feedback to the partnership",
        help_text=f"Up to {FEEDBACK_LIMIT:,} characters. The partnership's coordinators see it on the round's page.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
