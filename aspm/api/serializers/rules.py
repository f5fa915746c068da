"""Validation rules, read-only: what each rule compares and how strictly."""

from __future__ import annotations

from rest_framework import serializers

from indicators.models import ValidationRule


class ValidationRuleSerializer(serializers.ModelSerializer):
    left = serializers.SerializerMethodField(help_text="Ids of the indicators summed on the left-hand side.")
    right = serializers.SerializerMethodField(help_text="Ids of the indicators summed on the right-hand side.")
    statement = serializers.SerializerMethodField(help_text="The rule in indicator codes, e.g. “O5-03 ≤ O5-02”.")
    operator_label = serializers.CharField(source="get_operator_display", read_only=True)
    severity_label = serializers.CharField(source="get_severity_display", read_only=True)

    class Meta:
        model = ValidationRule
        fields = (
            "id",
            "name",
            "kind",
            "left",
            "operator",
            "operator_label",
            "right",
            "statement",
            "severity",
            "severity_label",
            "description",
            "is_active",
            "library_code",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_left(self, rule) -> list[int]:
        return sorted(i.pk for i in rule.left.all())

    def get_right(self, rule) -> list[int]:
        return sorted(i.pk for i in rule.right.all())

    def get_statement(self, rule) -> str:
        from indicators.measurement.validation_rules import compile_rule

        return compile_rule(rule).statement
