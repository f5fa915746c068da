"""Feedback from survivors, service users and people trained: short forms built from the question bank
(``feedback_bank``), the answers to them, and the "You said, we did" log.

Answers are anonymous by design. A ``FeedbackResponse`` has no user, no IP address and no time of day:
only the date it was given, a random identifier (so the order rows were written cannot be read from
it) and the answers. It deliberately does not use ``TenantModel``, whose timestamps would keep the
time to the second.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q

from aspm import fields as limits
from aspm.fields import LimitedTextField
from aspm.models import TenantModel, TenantQuerySet
from aspm.validators import validate_date_in_range

FREE_TEXT_LIMIT = 500  # characters in one free-text answer


class Audience(models.TextChoices):
    SERVICE_USERS = "service_users", "Survivors and service users"
    TRAINING_3 = "training_3", "Training follow-up at 3 months"
    TRAINING_6 = "training_6", "Training follow-up at 6 months"


class FeedbackForm(TenantModel):
    """A short form one partner organisation runs with the people it supports or has trained."""

    title = models.CharField(max_length=limits.TITLE)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        verbose_name="organisation that runs it",
        on_delete=models.PROTECT,
        related_name="feedback_forms",
    )
    questions = models.JSONField(default=list, help_text="Keys of the question bank, in order.")
    is_open = models.BooleanField("taking answers", default=True)

    class Meta:
        ordering = ["-is_open", "title", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(audience__in=Audience.values), name="feedback_form_audience_known"),
        ]

    def __str__(self) -> str:
        return self.title


class FeedbackResponse(models.Model):
    """One person's answers to one form. No user, no IP, no time finer than the day: nothing here can
    link the answers to the worker who typed them or to a moment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="+", editable=False
    )
    form = models.ForeignKey(FeedbackForm, on_delete=models.CASCADE, related_name="responses")
    answered_on = models.DateField("date of the answers", validators=[validate_date_in_range])
    answers = models.JSONField(default=dict, help_text="Question key → number (1 to 5, or a choice) or text.")

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["form", "answered_on"]  # never by id: it is random
        indexes = [models.Index(fields=["form", "answered_on"], name="feedback_response_form_date")]

    def __str__(self) -> str:
        return f"Answers to {self.form} on {self.answered_on:%d/%m/%Y}"


class YouSaidWeDid(TenantModel):
    """A theme that came up in feedback, and what the partnership changed because of it, linked to the
    actions of the plan that carry the change."""

    form = models.ForeignKey(
        FeedbackForm,
        verbose_name="from the feedback form",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="you_said",
    )
    you_said = LimitedTextField("you said", max_length=limits.SHORT, help_text="The theme, in the words people used.")
    we_did = LimitedTextField("we did", max_length=limits.SHORT, help_text="What changed because of it.")
    date = models.DateField("date of the change", validators=[validate_date_in_range])
    actions = models.ManyToManyField(
        "actionplans.Action", blank=True, related_name="you_said_we_did", verbose_name="actions in the plan"
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "you said, we did entry"
        verbose_name_plural = "you said, we did entries"

    def __str__(self) -> str:
        label = self.you_said if len(self.you_said) <= 60 else self.you_said[:59] + "…"
        return f"You said: {label}"


class FeedbackIndicatorLink(TenantModel):
    """A question of a form that feeds an indicator: the share of the answers to ``question`` that are
    among ``counts_as`` (for a statement to agree with, "agree" and "strongly agree") becomes the
    running organisation's figure of ``indicator`` (a proportion) for a period, through the figure
    services, once the period has enough answers to be shown."""

    form = models.ForeignKey(FeedbackForm, on_delete=models.CASCADE, related_name="indicator_links")
    question = models.CharField(max_length=30, help_text="Key of the question in the bank.")
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.CASCADE, related_name="feedback_links", verbose_name="indicator fed"
    )
    counts_as = models.JSONField(default=list, help_text="The answers (numbers of the options) the share counts.")

    class Meta:
        ordering = ["form", "question", "id"]
        constraints = [
            models.UniqueConstraint(fields=["form", "question", "indicator"], name="feedback_link_once"),
        ]

    def __str__(self) -> str:
        return f"{self.form}: {self.question} → {self.indicator}"
