"""Spreadsheets out: indicators, targets and figures as .xlsx or .csv, and the import templates.

django-import-export ``Resource`` classes with ``SafeExportMixin``, so no exported cell can run as a
formula in a spreadsheet program. The import (``imports.py``) reads the same column names.
"""

from __future__ import annotations

import tablib
from import_export import fields, resources

from aspm.spreadsheets import SafeExportMixin, neutralise_row
from partnerships.access import scoped

from ..models import INDICATOR_FIELDS, Figure, Indicator, Target
from ..models.figures import DIMENSIONS
from .dimensions import dimensions_of, is_crosstab, parts_of, split_columns

BREAKDOWN_COLUMNS = [(dim, cat, f"{dim}.{cat}") for dim, (_, cats) in DIMENSIONS.items() for cat in cats]
WHOLE_PLAN = "whole plan"


class IndicatorResource(SafeExportMixin, resources.ModelResource):
    strand = fields.Field(column_name="strand", attribute="strand__code")
    objective = fields.Field(column_name="objective", attribute="objective__code")
    disaggregation = fields.Field(column_name="disaggregation")
    reporting_organisations = fields.Field(column_name="reporting_organisations")

    class Meta:
        model = Indicator
        # chain_entry is left out: a results-chain link means nothing outside the partnership's plan
        fields = (*(f for f in INDICATOR_FIELDS if f != "chain_entry"), "reporting_organisations")
        export_order = fields

    def dehydrate_disaggregation(self, obj):
        return ", ".join(obj.disaggregation or [])

    def dehydrate_reporting_organisations(self, obj):
        return "; ".join(o.name for o in obj.reporting_organisations.all())


class TargetResource(SafeExportMixin, resources.ModelResource):
    indicator_code = fields.Field(column_name="indicator_code", attribute="indicator__code")
    period = fields.Field(column_name="period")
    value = fields.Field(column_name="value", attribute="value")
    reason = fields.Field(column_name="reason")

    class Meta:
        model = Target
        fields = ("indicator_code", "period", "value", "reason")
        export_order = fields

    def dehydrate_period(self, obj):
        return obj.period.label if obj.period_id else WHOLE_PLAN

    def dehydrate_reason(self, obj):
        return ""


class FigureResource(SafeExportMixin, resources.ModelResource):
    indicator_code = fields.Field(column_name="indicator_code", attribute="indicator__code")
    period = fields.Field(column_name="period", attribute="period__label")
    organisation = fields.Field(column_name="organisation", attribute="organisation__name")
    value = fields.Field(column_name="value", attribute="value")
    numerator = fields.Field(column_name="numerator", attribute="numerator")
    denominator = fields.Field(column_name="denominator", attribute="denominator")
    text_value = fields.Field(column_name="text_value", attribute="text_value")
    comment = fields.Field(column_name="comment", attribute="comment")

    class Meta:
        model = Figure
        fields = (
            "indicator_code",
            "period",
            "organisation",
            "value",
            "numerator",
            "denominator",
            "text_value",
            "comment",
        )
        export_order = fields

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for dim, cat, column in BREAKDOWN_COLUMNS:
            f = fields.Field(column_name=column)
            f.dim, f.cat = dim, cat
            self.fields[column] = f

    def export_field(self, field, instance, **kwargs):
        if hasattr(field, "dim"):
            return (instance.breakdown or {}).get(field.dim, {}).get(field.cat, "")
        return super().export_field(field, instance, **kwargs)


RESOURCES = {"indicators": IndicatorResource, "targets": TargetResource, "figures": FigureResource}


def export_queryset(partnership, kind: str):
    if kind == "indicators":
        return (
            scoped(partnership, Indicator)
            .select_related("strand", "objective")
            .prefetch_related("reporting_organisations")
        )
    if kind == "targets":
        return (
            scoped(partnership, Target)
            .select_related("indicator", "period")
            .order_by("indicator__code", "period__start")
        )
    return (
        scoped(partnership, Figure)
        .select_related("indicator", "period", "organisation")
        .order_by("indicator__code", "period__start", "organisation__name")
    )


def export_dataset(partnership, kind: str) -> tablib.Dataset:
    if kind == "figures":
        return _figures_dataset(partnership)
    return RESOURCES[kind]().export(queryset=export_queryset(partnership, kind))


def _figures_dataset(partnership) -> tablib.Dataset:
    """Every figure with every split the partnership uses, in the shape the figures import reads
    back: a column per group of each dimension, built-in or the partnership's own
    (``nationality.albanian``), on the figure's row; and a row per cell of each cross-tabulation,
    naming its groups in a column per dimension (``nationality``, ``sex``) beside the cell's count."""
    registry = dimensions_of(partnership)
    wide, long = split_columns(registry)
    base = list(FigureResource._meta.fields)
    headers = [*base, *(column for _, _, column in wide), *long]
    dataset = tablib.Dataset(headers=headers)
    resource = FigureResource()
    for figure in export_queryset(partnership, "figures"):
        row = {name: resource.export_field(resource.fields[name], figure) for name in base}
        breakdown = figure.breakdown or {}
        row |= {column: breakdown.get(dim, {}).get(cat, "") for dim, cat, column in wide}
        dataset.append(neutralise_row([row.get(h, "") for h in headers]))
        for key, cells in breakdown.items():
            if not is_crosstab(key) or not all(p in registry for p in parts_of(key)):
                continue
            for cell, count in cells.items():
                groups = dict(zip(parts_of(key), parts_of(cell), strict=True))
                named = {dim: registry[dim][1].get(cat, cat) for dim, cat in groups.items()}
                line = {name: row[name] for name in ("indicator_code", "period", "organisation")}
                line |= {"value": count, **named}
                dataset.append(neutralise_row([line.get(h, "") for h in headers]))
    return dataset


def template_dataset(kind: str) -> tablib.Dataset:
    """An empty sheet with the import's columns (and one example row) to fill in."""
    dataset = RESOURCES[kind]().export(queryset=RESOURCES[kind]._meta.model.objects.none())
    example = {
        "indicators": [
            "IND-01",
            "Potential victims referred to the NRM",
            "",
            "output",
            "count",
            "flow",
            "",
            "higher",
            "",
            "",
            "12",
            "2026-04-01",
            "quarter",
            "quarterly",
            "NRM referral records",
            "Monthly extract",
            "protect",
            "",
            "discovery",
            "age_group, sex",
            "Northshire Constabulary",
        ],
        "targets": ["IND-01", "2026/27 Q1", "15", ""],
        "figures": [
            "IND-01",
            "2026/27 Q1",
            "Northshire Constabulary",
            "14",
            "",
            "",
            "",
            "Two referrals came via the hotline",
            *["" for _ in BREAKDOWN_COLUMNS],
        ],
    }[kind]
    dataset.append(example)
    return dataset


def render(dataset: tablib.Dataset, fmt: str) -> bytes:
    data = dataset.export(fmt)
    return data.encode("utf-8-sig") if isinstance(data, str) else data
