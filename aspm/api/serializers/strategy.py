"""Strands, objectives and results chains (read-only for now)."""

from __future__ import annotations

from rest_framework import serializers

from indicators.models import Objective, ResultsChainEntry, Strand


class StrandSerializer(serializers.ModelSerializer):
    subgroups = serializers.PrimaryKeyRelatedField(many=True, read_only=True, help_text="Ids of sub-groups.")

    class Meta:
        model = Strand
        fields = ("id", "code", "name", "description", "order", "subgroups", "created_at", "updated_at")
        read_only_fields = fields


class ObjectiveSerializer(serializers.ModelSerializer):
    strand_code = serializers.CharField(source="strand.code", read_only=True, allow_null=True, default=None)
    pathway_stages = serializers.ListField(child=serializers.CharField(), read_only=True)
    priority_label = serializers.CharField(source="get_priority_display", read_only=True)

    class Meta:
        model = Objective
        fields = (
            "id",
            "code",
            "title",
            "description",
            "strand",
            "strand_code",
            "pathway_stages",
            "owner_organisation",
            "owner_subgroup",
            "start_date",
            "end_date",
            "priority",
            "priority_label",
            "specific_confirmed",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


class ResultsChainEntrySerializer(serializers.ModelSerializer):
    level_label = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = ResultsChainEntry
        fields = (
            "id",
            "objective",
            "level",
            "level_label",
            "description",
            "leads_to",
            "order",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields
