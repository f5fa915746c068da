"""Actions of the action plan, with their RAG status history, and the input of a status change."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actionplans import clock
from actionplans.models import Action, ActionStatusChange, ChangeKind, RagStatus
from aspm import fields as text

STATUS_LABELS = {s.value: str(s.label) for s in RagStatus}
KIND_LABELS = {k.value: str(k.label) for k in ChangeKind}
_DATETIME = serializers.DateTimeField()  # one field to format every history line's time


class StatusChangeSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    changed_by = serializers.SerializerMethodField(help_text="Who recorded it (null: the system).")

    class Meta:
        model = ActionStatusChange
        fields = ("id", "status", "status_label", "kind", "kind_label", "note", "changed_by", "changed_at")
        read_only_fields = fields

    def get_changed_by(self, change) -> str | None:
        return change.changed_by.full_name if change.changed_by else None


class ActionSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    owner_organisation_name = serializers.CharField(source="owner_organisation.name", read_only=True)
    overdue = serializers.SerializerMethodField(help_text="Past its due date and not complete.")
    history = serializers.SerializerMethodField(help_text="Every status change, oldest first.")

    class Meta:
        model = Action
        fields = (
            "id",
            "title",
            "objective",
            "strand",
            "subgroup",
            "owner_organisation",
            "owner_organisation_name",
            "owner_person",
            "start_date",
            "due_date",
            "output",
            "indicator",
            "priority",
            "status",
            "status_label",
            "status_changed_at",
            "overdue",
            "history",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields
        extra_kwargs = {"owner_person": {"help_text": "Id of the owning member (a membership), if any."}}

    @extend_schema_field(StatusChangeSerializer(many=True))
    def get_history(self, action) -> list[dict]:
        """Built directly (not through StatusChangeSerializer, whose output is the same): a page of 100
        actions has hundreds of history lines."""
        return [
            {
                "id": c.id,
                "status": c.status,
                "status_label": STATUS_LABELS[c.status],
                "kind": c.kind,
                "kind_label": KIND_LABELS[c.kind],
                "note": c.note,
                "changed_by": c.changed_by.full_name if c.changed_by else None,
                "changed_at": _DATETIME.to_representation(c.changed_at),
            }
            for c in action.history.all()
        ]

    def get_overdue(self, action) -> bool:
        return action.is_overdue(self.context.get("today") or clock.today())


class StatusChangeInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=RagStatus.choices)
    note = serializers.CharField(
        required=False, allow_blank=True, max_length=text.SHORT, help_text="Why; needed for a change to red."
    )
    expected_status = serializers.ChoiceField(
        choices=RagStatus.choices,
        required=False,
        help_text="The status you last read: when someone changed it since, nothing is written and the answer is 409.",
    )
