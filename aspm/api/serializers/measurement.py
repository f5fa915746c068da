"""Indicators (with their targets and progress) and reporting periods."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from indicators.measurement.finality import State
from indicators.measurement.progress import Status
from indicators.models import INDICATOR_FIELDS, Indicator, ReportingPeriod, Rollup, Target


class TargetSerializer(serializers.ModelSerializer):
    period_label = serializers.CharField(source="period.label", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Target
        fields = ("period", "period_label", "value")
        read_only_fields = fields
        extra_kwargs = {"period": {"help_text": "Null for the target of the whole plan."}}


class ProgressCellSerializer(serializers.Serializer):
    period = serializers.IntegerField(required=False, help_text="The quarter (current period only).")
    period_label = serializers.CharField(required=False)
    status = serializers.ChoiceField(choices=Status.choices)
    status_label = serializers.CharField()
    actual = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="The partnership's figure, combined by the indicator's rollup rule.",
    )
    target = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    numerator = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="A proportion's (or a share saying yes) summed numerators: actual = 100 × numerator / denominator.",
    )
    denominator = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="A proportion's summed denominators; for a score, the responses it is weighted by.",
    )
    combinable = serializers.BooleanField(
        help_text="False when figures could not be combined honestly (a percentage sent without its denominator "
        "among others): actual is then null."
    )
    note = serializers.CharField(help_text="Why a figure is not combinable or is an unweighted average; else empty.")

    finality = serializers.ChoiceField(
        choices=State.choices,
        help_text="final (locked, every return approved), provisional (open, or returns outstanding) or "
        "not_open (nothing is computed for it).",
    )
    final = serializers.BooleanField(help_text="The figures of this period will not change.")
    provisional = serializers.BooleanField(help_text="The figures may still change (the opposite of final).")


class PeriodFinalitySerializer(serializers.Serializer):
    period = serializers.IntegerField()
    period_label = serializers.CharField()
    finality = serializers.ChoiceField(choices=State.choices)
    final = serializers.BooleanField()
    provisional = serializers.BooleanField()


NUMBERS = ("actual", "target", "numerator", "denominator")


def _cell(cell: dict | None) -> dict | None:
    if cell is None:
        return None
    return {**cell, **{k: None if cell.get(k) is None else f"{cell[k]:.2f}" for k in NUMBERS}}


class ProgressSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="Id of the financial year (a period).")
    year_label = serializers.CharField()
    as_at = serializers.DateField(help_text="The date the figures are as at.")
    current_period = ProgressCellSerializer(allow_null=True, help_text="The quarter we are in (or the last one begun).")
    year_to_date = ProgressCellSerializer(
        help_text="Its finality is the year's: final once the year is locked and every quarter is final."
    )
    periods = PeriodFinalitySerializer(many=True, help_text="Each quarter of the year, then the year: final or not.")


class IndicatorSerializer(serializers.ModelSerializer):
    reporting_organisations = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="Ids of the organisations that report this indicator."
    )
    disaggregation = serializers.JSONField(read_only=True, help_text="Dimensions the figures are split by.")
    rollup = serializers.ChoiceField(
        choices=Rollup.choices,
        source="rule",
        read_only=True,
        allow_blank=True,
        help_text="How organisations' figures combine into the partnership's, and periods into the year: flow "
        "(summed), stock (summed across organisations; the latest period over time), stock_average, ratio "
        "(numerators over denominators), mean (weighted by responses), all_yes, any_yes, share_yes. Empty for "
        "a qualitative indicator.",
    )
    baseline_span = serializers.ChoiceField(
        choices=Indicator._meta.get_field("baseline_span").choices,
        read_only=True,
        allow_blank=True,
        help_text="The period the baseline covers (month, quarter or year); empty when not stated.",
    )
    targets = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField(
        help_text="Status, actual and target for the current quarter and the financial year to date, "
        "by the rules of the results page; null before any financial year is set up."
    )

    class Meta:
        model = Indicator
        fields = (
            "id",
            *INDICATOR_FIELDS,
            "reporting_organisations",
            "library_code",
            "is_active",
            "targets",
            "progress",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    @extend_schema_field(TargetSerializer(many=True))
    def get_targets(self, indicator: Indicator) -> list[dict]:
        """From the view's ``targets_of`` (plain values read for the whole page), shaped as TargetSerializer's."""
        rows = self.context.get("targets", {}).get(indicator.pk, [])
        return [{**t, "value": None if t["value"] is None else f"{t['value']:.2f}"} for t in rows]

    @extend_schema_field(ProgressSerializer(allow_null=True))
    def get_progress(self, indicator: Indicator):
        cells = self.context.get("progress", {}).get(indicator.pk)
        if not cells:
            return None
        return {**cells, "current_period": _cell(cells["current_period"]), "year_to_date": _cell(cells["year_to_date"])}


class ReportingPeriodSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = ReportingPeriod
        fields = (
            "id",
            "kind",
            "label",
            "start",
            "end",
            "status",
            "status_label",
            "due_date",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields
