"""Annual reports: archived versions with download links, and report jobs — starting one goes
through ``reports.annual.services.report_start``, as on the page."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.decorators import action as route

from aspm.uploads import file_response
from partnerships.access import Perm
from reports.annual.registry import default_section_keys
from reports.annual.services import report_start
from reports.annual.years import year_starting
from reports.models import ReportJob, ReportVersion

from ..base import PartnershipViewSet, partnership_api
from ..filters import ReportJobFilter, ReportVersionFilter
from ..serializers.reports import ReportJobSerializer, ReportStartSerializer, ReportVersionSerializer
from .writes import ServiceCreateMixin


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Annual report versions (PDFs), with download links"),
    retrieve=extend_schema(summary="One annual report version"),
)
@extend_schema(tags=["reports"])
class ReportVersionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, PartnershipViewSet):
    """Finished annual monitoring and evaluation reports, newest first. Never changed once made."""

    serializer_class = ReportVersionSerializer
    filterset_class = ReportVersionFilter
    ordering_fields = ("year_start", "number", "updated_at", "id")
    default_perm = Perm.DOWNLOAD_REPORT

    def get_base_queryset(self):
        return ReportVersion.objects.select_related("job").order_by("-year_start", "-number")

    @extend_schema(
        summary="Download the PDF of a version",
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF file.")},
    )
    @route(detail=True, methods=["get"], url_path="download", url_name="download")
    def download(self, request, *args, **kwargs):
        version = self.get_object()  # 404 for another partnership's version, 403 without the right
        if not version.file.storage.exists(version.file.name):
            raise Http404("The archived file is missing.")
        return file_response(version.file, download_name=version.download_name)


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Annual report jobs, newest first (with progress)"),
    retrieve=extend_schema(summary="One report job: poll it until its status is done or failed"),
    create=extend_schema(
        summary="Start an annual report (coordinators)",
        description="Records the request and answers at once (201); the PDF is made in the background. "
        "Poll the job: when its status is done, `version` is the id of the new report version.",
        request=ReportStartSerializer,
        responses={201: ReportJobSerializer},
    ),
)
@extend_schema(tags=["reports"])
class ReportJobViewSet(ServiceCreateMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, PartnershipViewSet):
    """Requests for an annual report and how far each has got."""

    serializer_class = ReportJobSerializer
    filterset_class = ReportJobFilter
    ordering_fields = ("created_at", "updated_at", "id")
    default_perm = Perm.DOWNLOAD_REPORT
    perms = {"create": Perm.START_REPORT}

    def get_base_queryset(self):
        return ReportJob.objects.select_related("version").order_by("-created_at", "-id")

    def get_serializer_class(self):
        return ReportStartSerializer if self.action == "create" else ReportJobSerializer

    def create_with_service(self, data):
        year = year_starting(self.partnership, data.pop("year"))
        sections = data.pop("sections", None) or default_section_keys()
        return report_start(actor=self.request.user, partnership=self.partnership, year=year, sections=sections, **data)
