"""What is measured (indicators) and when (reporting periods)."""

from __future__ import annotations

from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import validate_date_in_range


class IndicatorType(models.TextChoices):
    INPUT = "input", "Input"
    PROCESS = "process", "Process"
    OUTPUT = "output", "Output"
    OUTCOME = "outcome", "Outcome"
    IMPACT = "impact", "Impact"


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    YES_NO = "yes_no", "Yes / no"
    MONEY = "money", "Money (£)"
    SCORE = "score", "Score"
    TEXT = "text", "Text (qualitative)"


class Direction(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"
    RANGE = "range", "Keep within a range"


class Rollup(models.TextChoices):
    """How an indicator's figures combine across organisations and over time (DOMAIN.md, "How figures
    combine"). The rules themselves live in ``indicators.measurement.rollup``."""

    FLOW = "flow", "Added up across organisations and over time (a flow: referrals made, people trained)"
    STOCK = "stock", "Added up across organisations; over time, the latest period's level (a stock)"
    STOCK_AVERAGE = "stock_average", "Added up across organisations; over time, the average level"
    RATIO = "ratio", "Proportion: all numerators over all denominators"
    MEAN = "mean", "Average score, weighted by the number of responses behind each"
    ALL_YES = "all_yes", "Yes only when every organisation says yes"
    ANY_YES = "any_yes", "Yes when any organisation says yes"
    SHARE_YES = "share_yes", "The share of organisations saying yes (a percentage)"


# Which roll-ups each unit can take; the first is the default.
ROLLUPS_BY_UNIT: dict[str, tuple[str, ...]] = {
    "count": (Rollup.FLOW, Rollup.STOCK, Rollup.STOCK_AVERAGE),
    "money": (Rollup.FLOW, Rollup.STOCK, Rollup.STOCK_AVERAGE),
    "percentage": (Rollup.RATIO,),
    "score": (Rollup.MEAN,),
    "yes_no": (Rollup.ALL_YES, Rollup.ANY_YES, Rollup.SHARE_YES),
    "text": ("",),
}


def default_rollup(unit: str) -> str:
    return ROLLUPS_BY_UNIT.get(unit, ("",))[0]


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUAL = "annual", "Annual"


# The fields of an indicator that people set (form, service, API, spreadsheet export), once.
INDICATOR_FIELDS = (
    "code",
    "name",
    "definition",
    "type",
    "unit",
    "rollup",
    "decimals",
    "direction",
    "range_low",
    "range_high",
    "baseline_value",
    "baseline_date",
    "baseline_span",
    "frequency",
    "means_of_verification",
    "collection_method",
    "objective",
    "chain_entry",
    "strand",
    "pathway_stage",
    "disaggregation",
)


class Indicator(TenantModel):
    """One measure of progress, with its baseline; targets and figures hang off it."""

    code = models.CharField(max_length=30, help_text="Short reference used in imports, e.g. IND-07.")
    name = models.CharField(max_length=200)
    definition = LimitedTextField(
        blank=True, help_text="Exactly what is counted or judged, and how.", max_length=text.NARRATIVE
    )
    type = models.CharField(max_length=10, choices=IndicatorType.choices, default=IndicatorType.OUTPUT)
    unit = models.CharField(max_length=12, choices=Unit.choices, default=Unit.COUNT)
    direction = models.CharField(max_length=8, choices=Direction.choices, default=Direction.HIGHER)
    range_low = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    range_high = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    rollup = models.CharField(
        "how figures combine",
        max_length=16,
        choices=Rollup.choices,
        blank=True,
        help_text="How organisations' figures add up to the partnership's, and quarters to the year.",
    )
    decimals = models.PositiveSmallIntegerField(
        "decimal places shown",
        null=True,
        blank=True,
        help_text="Leave empty for the unit's usual precision.",
    )
    baseline_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True, validators=[validate_date_in_range])
    baseline_span = models.CharField(
        "period the baseline covers",
        max_length=8,
        choices=[("month", "A month"), ("quarter", "A quarter"), ("year", "A financial year")],
        blank=True,
        help_text="A quarter's baseline is compared with quarters, a year's with the year.",
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY)
    means_of_verification = LimitedTextField(
        blank=True, help_text="Where the figure comes from (data source).", max_length=text.NARRATIVE
    )
    collection_method = models.CharField(max_length=300, blank=True)
    reporting_organisations = models.ManyToManyField(
        "partnerships.Organisation", blank=True, related_name="reported_indicators"
    )
    objective = models.ForeignKey(
        "indicators.Objective", on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    chain_entry = models.ForeignKey(
        "indicators.ResultsChainEntry", on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    strand = models.ForeignKey(
        "indicators.Strand", on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    pathway_stage = models.CharField(max_length=30, blank=True)
    disaggregation = models.JSONField(
        default=list, blank=True, help_text="Dimensions the figures are split by, e.g. ['age_group', 'sex']."
    )
    library_code = models.CharField(max_length=20, blank=True, help_text="The library indicator it was adopted from.")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["partnership", "code"], name="indicator_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def rule(self) -> str:
        """The roll-up rule in force: the declared one, else the unit's default."""
        return self.rollup or default_rollup(self.unit)

    @property
    def combined_unit(self) -> str:
        """The unit of the partnership's figure: a share of organisations saying yes is a percentage."""
        return Unit.PERCENTAGE if self.rule == Rollup.SHARE_YES else self.unit


class PeriodKind(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Financial year"


class PeriodStatus(models.TextChoices):
    NOT_OPEN = "not_open", "Not open yet"
    OPEN = "open", "Open"
    LOCKED = "locked", "Locked"


class ReportingPeriod(TenantModel):
    """A month, quarter or financial year of the partnership's calendar."""

    kind = models.CharField(max_length=8, choices=PeriodKind.choices)
    start = models.DateField()
    end = models.DateField()
    label = models.CharField(max_length=40, help_text="e.g. 2026/27 Q1")
    status = models.CharField(max_length=10, choices=PeriodStatus.choices, default=PeriodStatus.NOT_OPEN)
    due_date = models.DateField(
        null=True, blank=True, help_text="When returns for this period are due.", validators=[validate_date_in_range]
    )

    class Meta:
        ordering = ["start", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "kind", "start"], name="period_unique"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="period_end_after_start"),
        ]

    def __str__(self) -> str:
        return self.label


class Target(TenantModel):
    """The value an indicator should reach in a period (or, with no period, by the end of the plan).

    Changes go through a service that keeps the revision history (who, when, why, old and new).
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="targets",
        help_text="Empty for the target of the whole plan.",
    )
    value = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["indicator", "period__start"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="target_unique_per_period"),
            models.UniqueConstraint(
                fields=["indicator"], condition=models.Q(period__isnull=True), name="target_unique_whole_plan"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period or 'whole plan'}: {self.value}"


class MeasurementSettings(TenantModel):
    """How this partnership judges progress. One row per partnership, made on first use."""

    tolerance_percent = models.DecimalField(
        "tolerance band (%)",
        max_digits=5,
        decimal_places=2,
        default=10,
        help_text="How far short of a target still counts as 'at risk' rather than 'off track'.",
    )

    class Meta:
        verbose_name_plural = "measurement settings"
        constraints = [models.UniqueConstraint(fields=["partnership"], name="measurement_settings_one_per_partnership")]

    def __str__(self) -> str:
        return f"Tolerance {self.tolerance_percent}%"


class TargetRevision(TenantModel):
    """One change of a target: what it was, what it became, who changed it, when and why."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="revisions")
    old_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    new_value = models.DecimalField(max_digits=14, decimal_places=2)
    changed_by = models.ForeignKey(
        "partnerships.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = LimitedTextField(blank=True, max_length=text.SHORT)

    class Meta:
        ordering = ["target", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.target}: {self.old_value} -> {self.new_value}"
