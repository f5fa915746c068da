"""Figures: one organisation's number for an indicator and period (read), and the input of a new
or replaced figure (write, through ``indicators.measurement.services.figure_record``)."""

from __future__ import annotations

from rest_framework import serializers

from aspm import fields as text
from indicators.models import Figure

from ..filters import MAX_ID


class FigureSerializer(serializers.ModelSerializer):
    indicator_code = serializers.CharField(source="indicator.code", read_only=True)
    period_label = serializers.CharField(source="period.label", read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    source_label = serializers.CharField(source="get_source_display", read_only=True)
    breakdown = serializers.JSONField(
        read_only=True, help_text='Parts of the total by dimension, e.g. {"sex": {"female": 3, "male": 1}}.'
    )

    class Meta:
        model = Figure
        fields = (
            "id",
            "indicator",
            "indicator_code",
            "period",
            "period_label",
            "organisation",
            "organisation_name",
            "value",
            "numerator",
            "denominator",
            "text_value",
            "breakdown",
            "comment",
            "source",
            "source_label",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


def proportion_fields() -> tuple[serializers.CharField, serializers.CharField]:
    """The numerator and denominator a figure may carry, as the figures and returns inputs take them."""
    numerator = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        max_length=40,
        help_text="For a proportion: how many had the outcome. Give the denominator too; the percentage is worked out.",
    )
    denominator = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        max_length=40,
        help_text="For a proportion: how many it is a proportion of (more than 0). For a score: the number of "
        "responses it averages, so the partnership's score can be weighted.",
    )
    return numerator, denominator


class _FigureValues(serializers.Serializer):
    value = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        max_length=40,
        help_text='The figure, as a string to keep it exact: "17", "12.5"; "yes"/"no" for yes/no indicators. '
        "Leave out for a qualitative indicator.",
    )
    numerator, denominator = proportion_fields()
    text_value = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=text.NARRATIVE,
        help_text="What was found (qualitative indicators).",
    )
    breakdown = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField(min_value=0, max_value=10**9)),
        required=False,
        help_text="Optional parts of the total by dimension (only the indicator's); each must add up to the value.",
    )
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class FigureCreateSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Id of the indicator.")
    period = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Id of an open reporting period.")
    organisation = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="Id of an organisation that reports the indicator."
    )

    def get_fields(self):
        return {**super().get_fields(), **_FigureValues().get_fields()}  # the ids first, then the values


class FigureUpdateSerializer(_FigureValues):
    """The new values of an existing figure (its indicator, period and organisation stay)."""
