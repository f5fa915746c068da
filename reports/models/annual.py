"""Annual M&E report: a job (one request to make the report) and the version it produced.

A job is a row with a unique key; a Celery task renders it and records its progress on the row.
When the PDF is ready, exactly one :class:`ReportVersion` is written for the job (a one-to-one
field makes a second one impossible), and a version is never changed or deleted afterwards.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel


class ReportJobStatus(models.TextChoices):
    REVIEW = "review", "Waiting for the text review"
    QUEUED = "queued", "Waiting for a worker"
    RUNNING = "running", "Being made"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class ReportStage(models.TextChoices):
    WAITING = "waiting", "Waiting to start"
    GATHERING = "gathering", "Gathering data"
    CHARTS = "charts", "Drawing charts"
    LAYOUT = "layout", "Laying out pages"
    SAVING = "saving", "Saving to the archive"
    FINISHED = "finished", "Finished"


class ReportKind(models.TextChoices):
    ANNUAL = "annual", "Annual report"
    QUARTERLY = "quarterly", "Quarterly report"
    FUNDER = "funder", "Funder's report"


class ReportJob(TenantModel):
    """One request for the annual report of a financial year (or, ``kind`` quarterly, the board's
    quarterly report, whose "year" fields hold the quarter; ``kind`` funder, the report on one year of a
    funding agreement for its funder), and how its making is going."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=ReportKind.choices, default=ReportKind.ANNUAL)
    # the funder's report only: the agreement reported on (its archived reports keep it from removal)
    agreement = models.ForeignKey(
        "indicators.FundingAgreement", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    year_start = models.DateField(help_text="First day of the financial year reported on.")
    year_end = models.DateField()
    year_label = models.CharField(max_length=20)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    foreword = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    learning = LimitedTextField("summary of learning", blank=True, max_length=text.NARRATIVE)
    next_year_changes = LimitedTextField("changes for next year", blank=True, max_length=text.NARRATIVE)
    sections = models.JSONField(default=list, help_text="Keys of the optional sections to include.")
    for_publication = models.BooleanField(
        default=False, help_text="Small counts are suppressed in a version meant for readers outside the partnership."
    )
    status = models.CharField(max_length=10, choices=ReportJobStatus.choices, default=ReportJobStatus.QUEUED)
    stage = models.CharField(max_length=10, choices=ReportStage.choices, default=ReportStage.WAITING)
    percent = models.PositiveSmallIntegerField(default=0)
    message = models.TextField(blank=True, help_text="What went wrong, in plain words, when the job failed.")
    log = models.JSONField(default=list, blank=True, help_text="Timestamped lines: what the job did and when.")
    attempts = models.PositiveSmallIntegerField(default=0)
    enqueued_at = models.DateTimeField(null=True, blank=True, help_text="When the queue last accepted the job.")
    enqueue_error = models.CharField(max_length=300, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="When the worker making the report last said it is still at it."
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "enqueued_at"], name="reportjob_status_enqueued")]
        constraints = [
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="reportjob_percent_max_100"),
            models.CheckConstraint(condition=models.Q(year_end__gt=models.F("year_start")), name="reportjob_year"),
            models.CheckConstraint(
                condition=models.Q(kind="funder", agreement__isnull=False) | ~models.Q(kind="funder"),
                name="reportjob_funder_has_agreement",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year_label} ({self.get_status_display().lower()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ReportJobStatus.DONE, ReportJobStatus.FAILED)


class ReportVersion(TenantModel):
    """The archived PDF of one finished job. Immutable: written once, never changed or deleted."""

    job = models.OneToOneField(ReportJob, on_delete=models.PROTECT, related_name="version")
    kind = models.CharField(max_length=10, choices=ReportKind.choices, default=ReportKind.ANNUAL)
    agreement = models.ForeignKey(  # the funder's report only: its versions are numbered per agreement
        "indicators.FundingAgreement", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    year_start = models.DateField()
    year_label = models.CharField(max_length=20)
    number = models.PositiveIntegerField(help_text="1 for the first report of this year, 2 for the next…")
    file = models.FileField(max_length=300)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveIntegerField()
    pages = models.PositiveIntegerField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    data_as_of = models.DateTimeField(help_text="The moment the data in the report was read.")
    for_publication = models.BooleanField(default=False)

    class Meta:
        ordering = ["-year_start", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "year_start", "number"],
                condition=models.Q(agreement__isnull=True),
                name="reportversion_kind_number_unique",
            ),
            models.UniqueConstraint(
                fields=["agreement", "year_start", "number"],
                condition=models.Q(agreement__isnull=False),
                name="reportversion_agreement_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year_label}, version {self.number}"

    @property
    def download_name(self) -> str:
        kind = "-publication" if self.for_publication and self.kind != ReportKind.FUNDER else ""
        if self.agreement_id:
            return f"funder-report-{self.agreement_id}-{self.year_label.replace('/', '-')}-v{self.number}.pdf"
        return f"{self.kind}-report-{self.year_label.replace('/', '-').replace(' ', '-')}-v{self.number}{kind}.pdf"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("An archived report version is never changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("An archived report version is never deleted.")
