"""Indicators (with their targets) and reporting periods (read-only for now)."""

from __future__ import annotations

from rest_framework import serializers

from indicators.models import Indicator, ReportingPeriod, Target


class TargetSerializer(serializers.ModelSerializer):
    period_label = serializers.CharField(source="period.label", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Target
        fields = ("period", "period_label", "value")
        read_only_fields = fields
        extra_kwargs = {"period": {"help_text": "Null for the target of the whole plan."}}


class IndicatorSerializer(serializers.ModelSerializer):
    reporting_organisations = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="Ids of the organisations that report this indicator."
    )
    disaggregation = serializers.JSONField(read_only=True, help_text="Dimensions the figures are split by.")
    targets = TargetSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = (
            "id",
            "code",
            "name",
            "definition",
            "type",
            "unit",
            "direction",
            "range_low",
            "range_high",
            "baseline_value",
            "baseline_date",
            "frequency",
            "means_of_verification",
            "collection_method",
            "reporting_organisations",
            "objective",
            "chain_entry",
            "strand",
            "pathway_stage",
            "disaggregation",
            "library_code",
            "is_active",
            "targets",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


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
