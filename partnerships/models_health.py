"""Partnership health: the trust and communication survey, and the targets for process goals.

Anonymity of the survey is built into the tables:

* :class:`SurveyAnswer` has no link to a person and no timestamp (it is not a ``TenantModel``,
  which would add ``created_at``), and a random UUID key, so neither a sequence nor a time can be
  matched against who answered;
* :class:`SurveyParticipation` records only that a person has answered a round (to stop a second
  answer). Nothing joins it to the answers.
"""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel, TenantQuerySet
from aspm.validators import validate_date_in_range


class SurveyRound(TenantModel):
    """One round of the trust and communication survey, opened and closed by a coordinator."""

    title = models.CharField(max_length=150)
    opened_on = models.DateField(validators=[validate_date_in_range])
    closed_on = models.DateField(null=True, blank=True, validators=[validate_date_in_range])

    class Meta:
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"], condition=Q(closed_on__isnull=True), name="one_open_survey_round"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class SurveyParticipation(TenantModel):
    """ "This person has answered this round" — and nothing about what they answered.

    Keyed on the person, not the membership: someone removed from the partnership and invited back
    has a new membership but has still answered, and the round's count of respondents must not
    drop when a member leaves (their answers stay)."""

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(
        "partnerships.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )  # an erased account leaves the count as it was

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="answer_survey_once_per_person")]

    def __str__(self) -> str:
        return f"user {self.user_id} answered round {self.round_id}"


class SurveyAnswer(models.Model):
    """One person's score (1-5) for one statement in one round, with an optional comment. Anonymous."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="+", editable=False
    )
    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="answers")
    statement = models.CharField(max_length=40)
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = LimitedTextField(blank=True, max_length=text.SHORT)

    objects = TenantQuerySet.as_manager()

    class Meta:
        # No ordering by anything that follows the order of answering.
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1) & Q(score__lte=5), name="survey_score_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.statement}: {self.score}"


class ProcessGoalTarget(TenantModel):
    """The partnership's target for one process goal (see partnerships/health/goals.py) and how far
    below it still counts as Amber rather than Red."""

    goal = models.CharField(max_length=40)
    target = models.DecimalField(max_digits=6, decimal_places=2)
    amber_margin = models.DecimalField(
        "amber margin",
        max_digits=6,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text="How far short of the target is still Amber; further short is Red.",
    )

    class Meta:
        ordering = ["goal"]
        constraints = [models.UniqueConstraint(fields=["partnership", "goal"], name="one_target_per_process_goal")]

    def __str__(self) -> str:
        return f"{self.goal}: {self.target}"
