"""Actions of the partnership's action plan, and the append-only history of their RAG status."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import validate_date_in_range
from indicators.models.strategy import Priority


class RagStatus(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    COMPLETE = "complete", "Complete"


RAG_MEANINGS = {
    RagStatus.RED: "not done or behind schedule",
    RagStatus.AMBER: "at risk or slipping",
    RagStatus.GREEN: "on schedule",
    RagStatus.COMPLETE: "finished and closed",
}


class ChangeKind(models.TextChoices):
    STATUS = "status", "Status update"
    OVERDUE = "overdue", "Became overdue"


class Action(TenantModel):
    """One line of the action plan: what will be done, by whom, by when, and how it is going.

    ``status`` repeats the latest status of the history for fast lists; the history
    (:class:`ActionStatusChange`) is the record. Both are written together by the services.
    """

    title = models.CharField("what will be done", max_length=300)
    objective = models.ForeignKey(
        "indicators.Objective", on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    strand = models.ForeignKey(
        "indicators.Strand",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        help_text="Follows the objective when there is one.",
    )
    subgroup = models.ForeignKey(
        "partnerships.SubGroup",
        verbose_name="sub-group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    owner_organisation = models.ForeignKey(
        "partnerships.Organisation", on_delete=models.PROTECT, related_name="actions"
    )
    owner_person = models.ForeignKey(
        "partnerships.Membership",
        verbose_name="owner (person)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
    )
    start_date = models.DateField(null=True, blank=True, validators=[validate_date_in_range])
    due_date = models.DateField(validators=[validate_date_in_range])
    output = models.CharField("output it should deliver", max_length=300, blank=True)
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name="indicator it moves",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    status = models.CharField(max_length=10, choices=RagStatus.choices, default=RagStatus.GREEN, editable=False)
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The due date for which the overdue job has written its history line / sent its emails.
    overdue_recorded_for = models.DateField(null=True, blank=True, editable=False)
    overdue_emailed_for = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["partnership", "status"], name="action_partnership_status"),
            models.Index(fields=["partnership", "due_date"], name="action_partnership_due"),
            models.Index(fields=["partnership", "owner_organisation"], name="action_partnership_owner"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(due_date__gte=F("start_date")),
                name="action_due_not_before_start",
                violation_error_message="The due date is before the start date.",
            ),
            models.CheckConstraint(condition=Q(status__in=RagStatus.values), name="action_status_known"),
        ]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today=None) -> bool:
        from .clock import today as clock_today

        today = today or clock_today()
        return self.status != RagStatus.COMPLETE and self.due_date < today


class ActionStatusChange(TenantModel):
    """One dated line of an action's history. Written once, never changed or deleted on its own."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="history")
    kind = models.CharField(max_length=10, choices=ChangeKind.choices, default=ChangeKind.STATUS)
    status = models.CharField(max_length=10, choices=RagStatus.choices)
    note = LimitedTextField(blank=True, max_length=text.SHORT)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]
        indexes = [
            models.Index(fields=["action", "changed_at"], name="status_change_action_at"),
            models.Index(fields=["partnership", "changed_at"], name="status_change_partnership_at"),
            # "When was each action first marked Complete": the health page's actions-on-time goal
            # reads it from the index alone (96 ms -> 13 ms over 50,000 changes at county size)
            models.Index(fields=["partnership", "status", "action", "changed_at"], name="status_change_status_action"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RagStatus.values), name="status_change_status_known"),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.changed_at:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("An action's history is never changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("An action's history is never deleted line by line.")


class OverdueEmailSent(TenantModel):
    """One overdue action announced in one digest to one person, for one due date. The unique key
    makes each go out once however often the daily job runs or is retried (as ``ReminderSent``
    does for returns): a digest's rows and its email are one transaction, so a failure midway
    leaves the digests already sent marked and the rest to send."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField()
    recipient = models.EmailField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "due_date", "recipient"], name="one_overdue_email_per_action_due_date_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"action {self.action_id} due {self.due_date:%d/%m/%Y} → {self.recipient}"
