"""Recommendations of the register, with their actions and history, and the input of a management response."""

from __future__ import annotations

from rest_framework import serializers

from actionplans import clock
from actionplans.learning.models import Recommendation, RecommendationChange, Response
from aspm import fields as limits


class RecommendationChangeSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    changed_by = serializers.SerializerMethodField(help_text="Who recorded it (null: the system).")

    class Meta:
        model = RecommendationChange
        fields = ("id", "status", "status_label", "note", "changed_by", "changed_at")
        read_only_fields = fields

    def get_changed_by(self, change) -> str | None:
        return change.changed_by.full_name if change.changed_by else None


class RecommendationSerializer(serializers.ModelSerializer):
    source_kind_label = serializers.CharField(source="get_source_kind_display", read_only=True)
    response_label = serializers.CharField(source="get_response_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    owner_organisation_name = serializers.CharField(source="owner_organisation.name", read_only=True)
    has_document = serializers.SerializerMethodField(help_text="A source document is stored (download it on the web).")
    response_overdue = serializers.SerializerMethodField(help_text="Not answered and past the date it was due.")
    history = RecommendationChangeSerializer(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = (
            "id",
            "reference",
            "source_kind",
            "source_kind_label",
            "source_title",
            "source_date",
            "source_link",
            "has_document",
            "text",
            "response",
            "response_label",
            "response_reasons",
            "responded_at",
            "response_due",
            "response_overdue",
            "owner_organisation",
            "owner_organisation_name",
            "owner_person",
            "due_date",
            "actions",
            "status",
            "status_label",
            "status_changed_at",
            "history",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_has_document(self, rec) -> bool:
        return bool(rec.source_document)

    def get_response_overdue(self, rec) -> bool:
        return rec.response_overdue(self.context.get("today") or clock.today())


class ResponseInputSerializer(serializers.Serializer):
    response = serializers.ChoiceField(choices=[c for c in Response.choices if c[0] != Response.PENDING])
    reasons = serializers.CharField(
        required=False, allow_blank=True, max_length=limits.SHORT, help_text="Needed unless fully accepted."
    )
