"""Meetings of the partnership: board, sub-group and operational meetings, who came, and the
actions that arose. Imported by partnerships/models.py."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import validate_date_in_range


class MeetingKind(models.TextChoices):
    BOARD = "board", "Board"
    SUBGROUP = "subgroup", "Sub-group"
    OPERATIONAL = "operational", "Operational"


class Meeting(TenantModel):
    """One meeting: when, what about, the minutes (written and/or a file), attendance and actions arising."""

    kind = models.CharField("type of meeting", max_length=20, choices=MeetingKind.choices)
    subgroup = models.ForeignKey(
        "partnerships.SubGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name="sub-group",
        help_text="For a sub-group meeting only: which sub-group met.",
    )
    held_on = models.DateField("date", validators=[validate_date_in_range])
    title = models.CharField(max_length=200)
    agenda = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    minutes = LimitedTextField("written minutes", blank=True, max_length=text.MINUTES)
    minutes_file = models.FileField("minutes file", upload_to="meetings/%Y/", blank=True, max_length=255)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["partnership", "-held_on"], name="meeting_partnership_date")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="subgroup") & Q(subgroup__isnull=False))
                | (~Q(kind="subgroup") & Q(subgroup__isnull=True)),
                name="meeting_subgroup_only_for_subgroup_meetings",
                violation_error_message="Choose the sub-group for a sub-group meeting, and no sub-group for "
                "any other kind of meeting.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    NOT_EXPECTED = "not_expected", "Not expected"


# Statuses that count towards the attendance rate: "not expected" (e.g. an organisation that is not
# in a sub-group) is left out; apologies count as not attending.
EXPECTED_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)


class Attendance(TenantModel):
    """Whether one organisation was at one meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    organisation = models.ForeignKey("partnerships.Organisation", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organisation"], name="attendance_once_per_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} at {self.meeting_id}: {self.status}"


class MeetingActionItem(TenantModel):
    """An action arising from a meeting, recorded as text.

    ``action_id`` is the place for the link to ``actionplans.Action`` once an item is turned into an
    action of the plan (through actionplans' ``action_create`` service). It is a plain integer, not a
    foreign key, so that this app does not depend on actionplans; the service that creates the action
    will check it belongs to the same partnership.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    text = LimitedTextField("action", max_length=text.SHORT)
    owner_organisation = models.ForeignKey(
        "partnerships.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="owner",
    )
    due_on = models.DateField("due by", null=True, blank=True, validators=[validate_date_in_range])
    action_id = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return self.text[:80]
