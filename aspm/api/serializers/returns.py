"""Quarterly returns with their status (read), and the input of a saved draft."""

from __future__ import annotations

from rest_framework import serializers

from aspm import fields as text
from reports.models import Return, ReturnFigure, ReturnTransition
from reports.models.returns import NARRATIVE_FIELDS, YEAR_END_FIELDS
from reports.returns.services import TEXT_LIMIT

from ..filters import MAX_ID
from .figures import proportion_fields


class ReturnFigureSerializer(serializers.ModelSerializer):
    indicator_code = serializers.CharField(source="indicator.code", read_only=True)
    indicator_name = serializers.CharField(source="indicator.name", read_only=True)
    breakdown = serializers.JSONField(read_only=True)

    class Meta:
        model = ReturnFigure
        fields = (
            "indicator",
            "indicator_code",
            "indicator_name",
            "value",
            "numerator",
            "denominator",
            "text_value",
            "breakdown",
            "comment",
            "previous_value",
        )
        read_only_fields = fields


class ReturnTransitionSerializer(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField()

    class Meta:
        model = ReturnTransition
        fields = ("from_status", "to_status", "verb", "actor", "at", "reason")
        read_only_fields = fields

    def get_actor(self, transition) -> str | None:
        return transition.actor.full_name if transition.actor else None


class ReturnSummarySerializer(serializers.ModelSerializer):
    """A return in a list: its status and answers; its figures and history are on ``returns/<id>/``."""

    status_label = serializers.CharField(source="get_status_display", read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    period_label = serializers.CharField(source="period.label", read_only=True)
    is_editable = serializers.BooleanField(read_only=True, help_text="Its organisation may still change it.")

    class Meta:
        model = Return
        fields = (
            "id",
            "organisation",
            "organisation_name",
            "period",
            "period_label",
            "status",
            "status_label",
            "is_editable",
            "due_date",
            "version",
            *NARRATIVE_FIELDS,
            *YEAR_END_FIELDS,
            "started_at",
            "first_submitted_at",
            "submitted_at",
            "approved_at",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


class ReturnSerializer(ReturnSummarySerializer):
    """One return with its figures and its history (submitted, returned, approved…)."""

    figures = ReturnFigureSerializer(many=True, read_only=True)
    transitions = ReturnTransitionSerializer(many=True, read_only=True, help_text="Submitted, returned, approved…")

    class Meta(ReturnSummarySerializer.Meta):
        fields = (*ReturnSummarySerializer.Meta.fields, "figures", "transitions")
        read_only_fields = fields


class ReturnFigureInputSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Id of an indicator of the return.")
    value = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=40)
    numerator, denominator = proportion_fields()
    text_value = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_LIMIT)
    breakdown = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField(min_value=0, max_value=10**9)), required=False
    )
    comment = serializers.CharField(
        required=False, allow_blank=True, max_length=text.SHORT, help_text="Why there is no figure, or what it means."
    )


def _text():
    return serializers.CharField(required=False, allow_blank=True, max_length=TEXT_LIMIT)


class ReturnDraftSerializer(serializers.Serializer):
    """What to save in the draft: narrative answers and figures; anything not sent is kept."""

    progress = _text()
    problems = _text()
    priorities = _text()
    points_for_action = _text()
    key_achievements = _text()
    key_challenges = _text()
    future_priorities = _text()
    figures = ReturnFigureInputSerializer(many=True, required=False, max_length=1000)
