"""A partnership's own dimensions for splitting counts, and their categories: added, renamed, put out
of use. Keys are what spreadsheets and stored splits use, so once an indicator is split by a
dimension its keys stay as they are (labels may change)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships import audit
from partnerships.access import check_same_partnership, scoped

from ...models import Dimension, DimensionCategory, Indicator
from ...models.figures import DIMENSIONS
from ..dimensions import parts_of


def key_from(text: str) -> str:
    """A key made from a name: "Referral route" becomes referral_route."""
    key = re.sub(r"[^a-z0-9]+", "_", (text or "").lower()).strip("_")
    if key and not key[0].isalpha():
        key = f"d_{key}"
    return key[:40]


def _in_use(dimension: Dimension) -> list[str]:
    """Codes of the indicators split by ``dimension`` (alone or in a cross-tab)."""
    return [
        i.code
        for i in scoped(dimension.partnership_id, Indicator).only("code", "disaggregation")
        if any(dimension.key in parts_of(k) for k in i.disaggregation or [])
    ]


def dimension_create(
    *, actor, partnership, name: str, key: str = "", description: str = "", categories=()
) -> Dimension:
    """Add a dimension, with its first categories (labels) if given."""
    name, key = (name or "").strip(), (key or "").strip().lower() or key_from(name)
    errors = {}
    if not name:
        errors["name"] = "Give the dimension a name, such as Nationality."
    elif key in DIMENSIONS:
        errors["key"] = f"{DIMENSIONS[key][0]} is built in: every partnership can already split by it."
    elif scoped(partnership, Dimension).filter(key=key).exists():
        errors["key"] = f"This partnership already has a dimension with the key {key}."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        dimension = audit.create(
            actor=actor, obj=Dimension(partnership=partnership, key=key, name=name, description=description.strip())
        )
        for label in categories:
            category_add(actor=actor, dimension=dimension, label=label)
    return dimension


def dimension_update(
    *, actor, dimension: Dimension, name: str, description: str = "", is_active: bool = True
) -> Dimension:
    """Rename a dimension or put it out of use (its figures keep their splits; no new indicator picks it)."""
    if not (name or "").strip():
        raise ValidationError({"name": "Give the dimension a name."})
    values = {"name": name.strip(), "description": (description or "").strip(), "is_active": is_active}
    return audit.update(actor=actor, obj=dimension, values=values)


def category_add(*, actor, dimension: Dimension, label: str, key: str = "") -> DimensionCategory:
    label = (label or "").strip()
    key = (key or "").strip().lower() or key_from(label)
    if not label or not key:
        raise ValidationError({"label": "Give the category a name, such as British."})
    taken = scoped(dimension.partnership_id, DimensionCategory).filter(dimension=dimension)
    if taken.filter(key=key).exists():
        raise ValidationError({"label": f"{dimension.name} already has a category with the key {key}."})
    order = taken.count() + 1
    return audit.create(
        actor=actor,
        obj=DimensionCategory(
            partnership_id=dimension.partnership_id, dimension=dimension, key=key, label=label, order=order
        ),
    )


def category_update(*, actor, category: DimensionCategory, label: str, order: int | None = None) -> DimensionCategory:
    """Rename a category or move it in the list; its key (in stored splits) stays."""
    if not (label or "").strip():
        raise ValidationError({"label": "Give the category a name."})
    values = {"label": label.strip()}
    if order is not None:
        values["order"] = order
    return audit.update(actor=actor, obj=category, values=values)


def category_delete(*, actor, category: DimensionCategory) -> None:
    """Remove a category while no indicator is split by its dimension (after that, figures may hold it)."""
    check_same_partnership(category.dimension.partnership, [category])
    used = _in_use(category.dimension)
    if used:
        raise ValidationError(
            f"{category.dimension.name} splits {', '.join(used)}, so its categories stay: rename this one instead."
        )
    audit.delete(actor=actor, obj=category)
