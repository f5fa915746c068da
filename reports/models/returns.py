"""Quarterly returns: what one partner organisation reports for one quarter, and how it moves
from draft to approved.

The same machinery carries a funding agreement's monitoring reports: a Return with ``agreement``
set is one provider's report for one month or quarter of the agreement (its KPIs' figures, the 4Ps
narrative, evidence, and income and expenditure per budget line in ReturnSpend), with the same
states, services, reminders and pages.

A return holds the figures for the indicators the organisation reports (staged here until the
return is approved, then written through the indicators app), a narrative in the 4Ps reporting
format, evidence files, and the history of every transition. Action updates join next.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.financial_calendar import calendar_of
from aspm.models import TenantModel
from aspm.validators import validate_date_in_range


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"
    APPROVED = "approved", "Approved"


# A draft nobody has saved yet: the pages and the returns grid call it "not started".
NOT_STARTED = "not_started"


def return_state(status: str, started_at) -> str:
    """The state every page shows: the status, except that an untouched draft is not started."""
    return NOT_STARTED if status == ReturnStatus.DRAFT and started_at is None else status


# The SPOC may change the return only in these states.
EDITABLE_STATUSES = frozenset({ReturnStatus.DRAFT, ReturnStatus.RETURNED})

# The 4Ps reporting format, and the three year-end questions asked in the last quarter.
NARRATIVE_FIELDS = ("progress", "problems", "priorities", "points_for_action")
YEAR_END_FIELDS = ("key_achievements", "key_challenges", "future_priorities")


class ReturnDeadline(TenantModel):
    """The coordinator's due date for every return of one quarter, when not the default
    (one month after the quarter ends)."""

    period = models.OneToOneField("indicators.ReportingPeriod", on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField(validators=[validate_date_in_range])
    reason = models.CharField(max_length=300, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    def __str__(self) -> str:
        return f"Returns for {self.period} due {self.due_date:%d/%m/%Y}"


class Return(TenantModel):
    """One organisation's quarterly return, or (with ``agreement``) a provider's monitoring report."""

    organisation = models.ForeignKey("partnerships.Organisation", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey("indicators.ReportingPeriod", on_delete=models.PROTECT, related_name="+")
    agreement = models.ForeignKey(
        "indicators.FundingAgreement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="monitoring_reports",
        help_text="Set for a funding agreement's monitoring report; empty for a quarterly return.",
    )
    status = models.CharField(max_length=10, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT)
    due_date = models.DateField(
        help_text="Copied from the quarter's deadline; changed with it.", validators=[validate_date_in_range]
    )
    version = models.PositiveIntegerField(default=1, help_text="Goes up with every change (optimistic locking).")

    progress = LimitedTextField(
        blank=True, help_text="What went well this quarter, and what was delivered.", max_length=text.NARRATIVE
    )
    problems = LimitedTextField(
        blank=True, help_text="What got in the way, and what is at risk.", max_length=text.NARRATIVE
    )
    priorities = LimitedTextField(
        blank=True, help_text="What the organisation will focus on next quarter.", max_length=text.NARRATIVE
    )
    points_for_action = LimitedTextField(
        "points for action",
        blank=True,
        help_text="What the partnership or the board is asked to do.",
        max_length=text.NARRATIVE,
    )
    key_achievements = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    key_challenges = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    future_priorities = LimitedTextField(blank=True, max_length=text.NARRATIVE)

    income_total = models.DecimalField(
        "grant income for the period", max_digits=12, decimal_places=2, null=True, blank=True
    )
    expenditure_total = models.DecimalField(
        "expenditure for the period", max_digits=12, decimal_places=2, null=True, blank=True
    )

    started_at = models.DateTimeField(null=True, blank=True, help_text="First saved by the organisation.")
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-period__start", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "period"],
                condition=models.Q(agreement__isnull=True),
                name="one_return_per_organisation_quarter",
            ),
            models.UniqueConstraint(
                fields=["agreement", "organisation", "period"],
                condition=models.Q(agreement__isnull=False),
                name="one_monitoring_report_per_provider_period",
            ),
        ]
        indexes = [models.Index(fields=["partnership", "status"], name="return_partnership_status")]

    def __str__(self) -> str:
        return f"{self.organisation} {self.noun} for {self.period}"

    @property
    def is_monitoring(self) -> bool:
        return self.agreement_id is not None

    @property
    def noun(self) -> str:
        """What pages and emails call it."""
        return "monitoring report" if self.agreement_id else "return"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def state_label(self) -> str:
        """The state as every page names it: a draft nobody has touched yet is "Not started"."""
        if return_state(self.status, self.started_at) == NOT_STARTED:
            return "Not started"
        return self.get_status_display()

    @property
    def is_year_end(self) -> bool:
        """The last quarter of the partnership's financial year asks the year-end questions too (a
        monitoring report never: the agreement's annual review asks its own)."""
        if self.agreement_id:
            return False
        return calendar_of(self.partnership).is_year_end(self.period.end)


class ReturnFigure(TenantModel):
    """A figure staged in a return for one indicator, applied to the indicator on approval."""

    return_obj = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="figures", db_column="return_id")
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, help_text="A proportion's base; a score's responses."
    )
    text_value = LimitedTextField(blank=True, help_text="For qualitative indicators.", max_length=text.NARRATIVE)
    breakdown = models.JSONField(
        default=dict, blank=True, help_text='Split of the value, e.g. {"age_group": {"adult": 3, "child": 1}}.'
    )
    comment = LimitedTextField(blank=True, max_length=text.SHORT)
    previous_value = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, help_text="Last quarter's figure, for reference."
    )
    previous_text = LimitedTextField(blank=True, max_length=text.NARRATIVE)

    class Meta:
        ordering = ["indicator__code"]
        constraints = [models.UniqueConstraint(fields=["return_obj", "indicator"], name="one_figure_per_indicator")]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.value if self.value is not None else self.text_value or '—'}"

    @property
    def is_filled(self) -> bool:
        return self.value is not None or bool(self.text_value.strip())


def _attachment_path(instance: ReturnAttachment, filename: str) -> str:
    return f"returns/{instance.partnership_id}/{instance.return_obj_id}/{filename}"


class ReturnAttachment(TenantModel):
    """An evidence file attached to a return (checked by content on upload)."""

    return_obj = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="attachments", db_column="return_id")
    file = models.FileField(upload_to=_attachment_path, max_length=300)
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20)
    size = models.PositiveBigIntegerField()
    description = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class ReturnTransition(TenantModel):
    """One move of a return through its workflow: who, when, from what to what, and why."""

    return_obj = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="transitions", db_column="return_id")
    from_status = models.CharField(max_length=10, choices=ReturnStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=ReturnStatus.choices)
    verb = models.CharField(max_length=20)  # submit, resubmit, send_back, approve, reopen
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField()
    reason = LimitedTextField(blank=True, max_length=text.SHORT)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.return_obj_id}: {self.from_status} → {self.to_status}"


class ReminderSent(TenantModel):
    """An email the reminder job has sent. The unique key makes each reminder go out once, however
    often the job runs or is retried."""

    key = models.CharField(max_length=120, unique=True)
    return_obj = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="reminders", db_column="return_id")
    kind = models.CharField(max_length=20)
    recipients = models.JSONField(default=list)
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.key


class ReturnActionUpdate(TenantModel):
    """The organisation's update on one action it owns: a proposed RAG status and a note, applied
    to the action (through the action plan's service) when the return is approved."""

    return_obj = models.ForeignKey(
        Return, on_delete=models.CASCADE, related_name="action_updates", db_column="return_id"
    )
    action = models.ForeignKey("actionplans.Action", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        "proposed status", max_length=10, blank=True, help_text="Blank: the status stays as it is."
    )
    note = LimitedTextField(blank=True, max_length=text.SHORT)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["action__due_date", "action__title"]
        constraints = [models.UniqueConstraint(fields=["return_obj", "action"], name="one_update_per_action")]

    def __str__(self) -> str:
        return f"{self.action}: {self.status or 'no change'}"

    @property
    def is_filled(self) -> bool:
        return bool(self.status or self.note.strip())


class ReturnSpend(TenantModel):
    """A monitoring report's grant income and expenditure against one budget line of the agreement."""

    return_obj = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="spend", db_column="return_id")
    budget_line = models.ForeignKey("indicators.BudgetLine", on_delete=models.PROTECT, related_name="+")
    income = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    expenditure = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["budget_line__category", "budget_line__description"]
        constraints = [models.UniqueConstraint(fields=["return_obj", "budget_line"], name="one_spend_per_budget_line")]

    def __str__(self) -> str:
        return f"{self.budget_line}: {self.expenditure if self.expenditure is not None else '—'}"
