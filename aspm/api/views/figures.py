"""Figures: read them, and send one (or replace one) through ``figure_record``, the path the page,
the spreadsheet import and approved quarterly returns take too."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins

from indicators.measurement.services import figure_record
from indicators.models import Figure, FigureSource, Indicator, ReportingPeriod
from partnerships.access import Perm, scoped
from partnerships.models import Organisation

from ..base import PartnershipViewSet, partnership_api
from ..filters import FigureFilter
from ..serializers.figures import FigureCreateSerializer, FigureSerializer, FigureUpdateSerializer
from .writes import ServiceCreateMixin, ServiceUpdateMixin

WHO = (
    "Coordinators only. A partner SPOC sends their organisation's figures in its quarterly return "
    "(PATCH /returns/{id}/, then POST /returns/{id}/submit/); they are recorded when the coordinator approves it."
)


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Figures sent for the indicators"),
    retrieve=extend_schema(summary="One figure"),
    create=extend_schema(
        summary="Send a figure (coordinators)",
        description="Records one organisation's figure for an indicator and an open period, or replaces the one "
        "already there (the answer is then the replaced figure). A locked period is a 409. " + WHO,
        request=FigureCreateSerializer,
        responses={201: FigureSerializer},
        examples=[
            OpenApiExample(
                "A count, split by sex",
                request_only=True,
                value={
                    "indicator": 31,
                    "period": 21,
                    "organisation": 1,
                    "value": "17",
                    "breakdown": {"sex": {"female": 11, "male": 6}},
                    "comment": "From the custody system",
                },
            )
        ],
    ),
    update=extend_schema(
        summary="Replace a figure's values (coordinators)",
        description="Its indicator, period and organisation stay. A locked period is a 409. " + WHO,
        request=FigureUpdateSerializer,
        responses={200: FigureSerializer},
    ),
    partial_update=extend_schema(
        summary="Change some of a figure's values (coordinators)",
        description="Values not sent are kept. A locked period is a 409. " + WHO,
        request=FigureUpdateSerializer,
        responses={200: FigureSerializer},
    ),
)
@extend_schema(tags=["figures"])
class FigureViewSet(
    ServiceCreateMixin, ServiceUpdateMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, PartnershipViewSet
):
    """Each organisation's figure for an indicator and period. Every member reads them; coordinators send them."""

    serializer_class = FigureSerializer
    filterset_class = FigureFilter
    ordering_fields = ("updated_at", "id")
    perms = {
        "create": Perm.ENTER_ANY_FIGURES,
        "update": Perm.ENTER_ANY_FIGURES,
        "partial_update": Perm.ENTER_ANY_FIGURES,
    }

    def get_base_queryset(self):
        return Figure.objects.select_related("indicator", "period", "organisation").order_by("-updated_at", "-id")

    def get_serializer_class(self):
        if self.action == "create":
            return FigureCreateSerializer
        if self.action in ("update", "partial_update"):
            return FigureUpdateSerializer
        return FigureSerializer

    def create_with_service(self, data):
        found, errors = {}, {}
        for name, model, what in (
            ("indicator", Indicator, "indicator"),
            ("period", ReportingPeriod, "reporting period"),
            ("organisation", Organisation, "organisation"),
        ):
            found[name] = scoped(self.partnership, model).filter(pk=data.pop(name)).first()
            if found[name] is None:
                errors[name] = [f"There is no such {what} in this partnership."]
        if errors:
            raise ValidationError(errors)
        return self._record(**found, values=data)

    def update_with_service(self, figure, data):
        if self.action == "partial_update":
            current = {"value": figure.value, "text_value": figure.text_value, "comment": figure.comment}
            current |= {"denominator": figure.denominator, "breakdown": figure.breakdown}  # kept unless sent
            if "value" not in data:
                current["numerator"] = figure.numerator
                if figure.numerator is not None and ("numerator" in data or "denominator" in data):
                    current["value"] = None  # the percentage is worked out again from the new numbers
            # (a new percentage without a numerator: the numerator is worked out from it and the denominator)
            data = {**current, **data}
        values = {"value": None, "text_value": "", "comment": "", "breakdown": None, **data}
        return self._record(
            indicator=figure.indicator, period=figure.period, organisation=figure.organisation, values=values
        )

    def _record(self, *, indicator, period, organisation, values) -> Figure:
        # a locked period: the service's ConflictError (409), decided under the period's row lock
        figure = figure_record(
            actor=self.request.user,
            indicator=indicator,
            period=period,
            organisation=organisation,
            value=values.get("value"),
            numerator=values.get("numerator"),
            denominator=values.get("denominator"),
            breakdown=values.get("breakdown"),
            comment=values.get("comment") or "",
            text_value=values.get("text_value") or "",
            source=FigureSource.API,
        )
        return Figure.objects.select_related("indicator", "period", "organisation").get(pk=figure.pk)
