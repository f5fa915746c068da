"""The caller's partnerships and the partnership's organisations."""

from __future__ import annotations

from rest_framework import serializers

from partnerships.access import ROLE_PERMISSIONS, Perm
from partnerships.models import Membership, Organisation, Sector


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ("id", "name")


class MembershipSerializer(serializers.ModelSerializer):
    """One partnership of the caller, with the caller's role and rights there."""

    slug = serializers.CharField(source="partnership.slug")
    name = serializers.CharField(source="partnership.name")
    area = serializers.CharField(source="partnership.area")
    financial_year_start_month = serializers.IntegerField(source="partnership.financial_year_start_month")
    role_label = serializers.CharField(source="get_role_display")
    organisation = OrganisationRefSerializer(allow_null=True, help_text="For a partner SPOC: the organisation.")
    permissions = serializers.SerializerMethodField(help_text="What the role may do here.")

    class Meta:
        model = Membership
        fields = (
            "slug",
            "name",
            "area",
            "financial_year_start_month",
            "role",
            "role_label",
            "organisation",
            "permissions",
        )

    def get_permissions(self, membership: Membership) -> list[str]:
        return sorted(str(p) for p in ROLE_PERMISSIONS.get(membership.role, ()) if isinstance(p, Perm))


class OrganisationSerializer(serializers.ModelSerializer):
    sector_label = serializers.CharField(source="get_sector_display", read_only=True)

    class Meta:
        model = Organisation
        fields = ("id", "name", "sector", "sector_label", "is_active", "created_at", "updated_at")
        read_only_fields = fields


class OrganisationCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, help_text="Unique in the partnership (ignoring case).")
    sector = serializers.ChoiceField(choices=Sector.choices)


class OrganisationUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    sector = serializers.ChoiceField(choices=Sector.choices, required=False)
    is_active = serializers.BooleanField(
        required=False, help_text="False when the organisation has left the partnership; its history stays."
    )
