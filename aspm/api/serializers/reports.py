"""Annual report versions (with download links), report jobs, and the input that starts a report."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from reports.annual.registry import choosable_sections
from reports.annual.services import MAX_TEXT
from reports.models import ReportJob, ReportVersion


def _absolute(context, url: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


class ReportVersionSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField(help_text="The PDF, through the API (send your token).")
    web_url = serializers.SerializerMethodField(help_text="The version's page in ASPM.")
    job = serializers.PrimaryKeyRelatedField(read_only=True, help_text="The report job that made it.")

    class Meta:
        model = ReportVersion
        fields = (
            "id",
            "job",
            "year_start",
            "year_label",
            "number",
            "for_publication",
            "pages",
            "size",
            "sha256",
            "data_as_of",
            "download_url",
            "web_url",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_download_url(self, version) -> str:
        slug = self.context["partnership"].slug
        return _absolute(self.context, reverse("api:report-version-download", kwargs={"slug": slug, "pk": version.pk}))

    def get_web_url(self, version) -> str:
        slug = self.context["partnership"].slug
        return _absolute(self.context, reverse("reports:annual_version", kwargs={"slug": slug, "pk": version.pk}))


class ReportJobSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    stage_label = serializers.CharField(source="get_stage_display", read_only=True)
    version = serializers.SerializerMethodField(help_text="Id of the finished version (null until done).")

    class Meta:
        model = ReportJob
        fields = (
            "id",
            "year_start",
            "year_end",
            "year_label",
            "sections",
            "for_publication",
            "status",
            "status_label",
            "stage",
            "stage_label",
            "percent",
            "message",
            "version",
            "started_at",
            "finished_at",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_version(self, job) -> int | None:
        version = getattr(job, "version", None)  # a reverse one-to-one: missing until the job is done
        return version.pk if version else None


def _text(help_text: str):
    return serializers.CharField(required=False, allow_blank=True, max_length=MAX_TEXT, help_text=help_text)


class ReportStartSerializer(serializers.Serializer):
    year = serializers.IntegerField(
        min_value=2000,
        max_value=2100,
        help_text="The calendar year in which the financial year starts (2026 for 2026/27).",
    )
    sections = serializers.ListField(
        child=serializers.ChoiceField(choices=[]),
        required=False,
        min_length=1,
        help_text="Keys of the sections to include (all of them when left out).",
    )
    foreword = _text("Printed after the contents.")
    learning = _text("What the partnership learned this year.")
    next_year_changes = _text("Changes for next year.")
    for_publication = serializers.BooleanField(
        required=False,
        default=False,
        help_text=(
            "Small counts are suppressed in a version for publication. Such a job waits (status 'review') until "
            "a coordinator has reviewed its free text on the report's review page; then it is made."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sections"].child.choices = [(s.key, s.title) for s in choosable_sections()]
