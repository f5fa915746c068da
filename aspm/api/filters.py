"""Query filters of the list endpoints (django-filter). Ids are whole numbers; a bad value is a 400.

Foreign keys are filtered by id number, never through a queryset of choices: a choice list would
have to be scoped to the partnership, and "not a valid choice" versus "no rows" would tell a
caller whether another partnership's id exists.
"""

from __future__ import annotations

import datetime as dt

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.filters import OrderingFilter

from actionplans import clock
from actionplans.models import Action, RagStatus
from indicators.models import (
    ChainLevel,
    Figure,
    FigureSource,
    Frequency,
    Indicator,
    IndicatorType,
    Objective,
    PeriodKind,
    PeriodStatus,
    Priority,
    ReportingPeriod,
    ResultsChainEntry,
    Strand,
    Unit,
)
from partnerships.models import Organisation, Sector
from reports.models import ReportJob, ReportJobStatus, ReportVersion, Return, ReturnStatus

MAX_ID = 2**63 - 1


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 time turned into UTC here, so the database never sees an offset it cannot store
    (PostgreSQL refuses offsets beyond ±15:59, which Python accepts)."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(dt.UTC)
        except (OverflowError, ValueError) as exc:
            raise ValidationError("Give a date and time between the years 1 and 9999.", code="invalid") from exc


class UtcIsoDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class ModifiedSinceFilterSet(filters.FilterSet):
    modified_since = UtcIsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Only records changed at or after this time (ISO 8601, e.g. 2026-04-01T00:00:00Z).",
    )


class OrganisationFilter(ModifiedSinceFilterSet):
    sector = filters.ChoiceFilter(choices=Sector.choices)
    is_active = filters.BooleanFilter()
    name = filters.CharFilter(lookup_expr="icontains", label="Part of the name, in any case.")

    class Meta:
        model = Organisation
        fields = ("sector", "is_active", "name", "modified_since")


class StrandFilter(ModifiedSinceFilterSet):
    code = filters.CharFilter()

    class Meta:
        model = Strand
        fields = ("code", "modified_since")


class ObjectiveFilter(ModifiedSinceFilterSet):
    strand = IdFilter(field_name="strand_id", label="Id of the strand.")
    strand_code = filters.CharFilter(field_name="strand__code", label="Code of the strand, e.g. pursue.")
    organisation = IdFilter(field_name="owner_organisation_id", label="Id of the owning organisation.")
    subgroup = IdFilter(field_name="owner_subgroup_id", label="Id of the owning sub-group.")
    priority = filters.ChoiceFilter(choices=Priority.choices)

    class Meta:
        model = Objective
        fields = ("strand", "strand_code", "organisation", "subgroup", "priority", "modified_since")


class ResultsChainEntryFilter(ModifiedSinceFilterSet):
    objective = IdFilter(field_name="objective_id", label="Id of the objective.")
    strand = IdFilter(field_name="objective__strand_id", label="Id of the objective's strand.")
    level = filters.TypedChoiceFilter(choices=ChainLevel.choices, coerce=int)

    class Meta:
        model = ResultsChainEntry
        fields = ("objective", "strand", "level", "modified_since")


class IndicatorFilter(ModifiedSinceFilterSet):
    strand = IdFilter(field_name="strand_id", label="Id of the strand.")
    objective = IdFilter(field_name="objective_id", label="Id of the objective.")
    organisation = IdFilter(field_name="reporting_organisations", label="Id of an organisation that reports it.")
    type = filters.ChoiceFilter(choices=IndicatorType.choices)
    unit = filters.ChoiceFilter(choices=Unit.choices)
    frequency = filters.ChoiceFilter(choices=Frequency.choices)
    is_active = filters.BooleanFilter()
    code = filters.CharFilter()

    class Meta:
        model = Indicator
        fields = (
            "strand",
            "objective",
            "organisation",
            "type",
            "unit",
            "frequency",
            "is_active",
            "code",
            "modified_since",
        )


class ReportingPeriodFilter(ModifiedSinceFilterSet):
    status = filters.ChoiceFilter(choices=PeriodStatus.choices)
    kind = filters.ChoiceFilter(choices=PeriodKind.choices)
    date = filters.DateFilter(method="filter_date", label="Only periods that include this date.")

    class Meta:
        model = ReportingPeriod
        fields = ("status", "kind", "date", "modified_since")

    def filter_date(self, queryset, name, value):
        return queryset.filter(start__lte=value, end__gte=value)


class FigureFilter(ModifiedSinceFilterSet):
    period = IdFilter(field_name="period_id", label="Id of the reporting period.")
    organisation = IdFilter(field_name="organisation_id", label="Id of the organisation that sent it.")
    indicator = IdFilter(field_name="indicator_id", label="Id of the indicator.")
    strand = IdFilter(field_name="indicator__strand_id", label="Id of the indicator's strand.")
    source = filters.ChoiceFilter(choices=FigureSource.choices)

    class Meta:
        model = Figure
        fields = ("period", "organisation", "indicator", "strand", "source", "modified_since")


class ActionFilter(ModifiedSinceFilterSet):
    status = filters.ChoiceFilter(choices=RagStatus.choices)
    organisation = IdFilter(field_name="owner_organisation_id", label="Id of the owning organisation.")
    strand = IdFilter(field_name="strand_id", label="Id of the strand.")
    objective = IdFilter(field_name="objective_id", label="Id of the objective.")
    subgroup = IdFilter(field_name="subgroup_id", label="Id of the sub-group.")
    overdue = filters.BooleanFilter(
        method="filter_overdue", label="true: past the due date and not complete; false: the others."
    )

    class Meta:
        model = Action
        fields = ("status", "organisation", "strand", "objective", "subgroup", "overdue", "modified_since")

    def filter_overdue(self, queryset, name, value):
        late = Q(due_date__lt=clock.today()) & ~Q(status=RagStatus.COMPLETE)
        return queryset.filter(late) if value else queryset.exclude(late)


class ReturnFilter(ModifiedSinceFilterSet):
    period = IdFilter(field_name="period_id", label="Id of the quarter.")
    organisation = IdFilter(field_name="organisation_id", label="Id of the organisation.")
    status = filters.ChoiceFilter(choices=ReturnStatus.choices)

    class Meta:
        model = Return
        fields = ("period", "organisation", "status", "modified_since")


class ReportVersionFilter(ModifiedSinceFilterSet):
    year_start = filters.DateFilter(label="First day of the financial year, e.g. 2026-04-01.")
    for_publication = filters.BooleanFilter()

    class Meta:
        model = ReportVersion
        fields = ("year_start", "for_publication", "modified_since")


class ReportJobFilter(ModifiedSinceFilterSet):
    status = filters.ChoiceFilter(choices=ReportJobStatus.choices)

    class Meta:
        model = ReportJob
        fields = ("status", "modified_since")


class StableOrderingFilter(OrderingFilter):
    """``?ordering=updated_at`` (or ``-updated_at``…), always ending with the id so that pages never
    overlap or skip rows that share a value."""

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view) or queryset.model._meta.ordering or [])
        if not any(term.lstrip("-") in ("id", "pk") for term in ordering):
            ordering.append("id")
        return ordering
