"""Access facts for the dimensions page's URLs (namespace "indicators"); see access_registry/__init__.py."""

from __future__ import annotations

from indicators.models import DimensionCategory
from partnerships.access import Perm

from .. import dimension_helpers as d


def _dimension(side) -> dict:
    return {"pk": d.nationality(side).pk}


def _category(side) -> dict:
    dimension = d.nationality(side)
    return {"pk": DimensionCategory.objects.filter(dimension=dimension).order_by("order").first().pk}


MATRIX = {
    "indicators:dimensions": (Perm.VIEW, ("get",), None),
    "indicators:dimension_create": (
        Perm.EDIT_PLAN,
        ("get", "post"),
        lambda side: {"name": "Disability", "categories": "Disabled\nNot disabled\nUnknown"},
    ),
    "indicators:dimension_edit": (
        Perm.EDIT_PLAN,
        ("get", "post"),
        lambda side: {"name": "Nationality", "description": "As recorded at referral", "is_active": "on"},
    ),
    "indicators:category_add": (Perm.EDIT_PLAN, ("post",), lambda side: {"label": "Romanian"}),
    "indicators:category_edit": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"label": "British", "order": "1"}),
    "indicators:category_delete": (Perm.EDIT_PLAN, ("post",), None),
}

OBJECT_KWARGS = {
    "indicators:dimension_edit": _dimension,
    "indicators:category_add": _dimension,
    "indicators:category_edit": _category,
    "indicators:category_delete": _category,
}
