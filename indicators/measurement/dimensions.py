"""Which dimensions a partnership's counts can be split by, and how a cross-tabulation is named.

Every partnership has the three built-in dimensions (``models.figures.DIMENSIONS``) and the ones it
added itself (``models.Dimension``). All are read in the same shape, ``{key: (name, {category:
label})}``, so the figure checks, the pages and the outputs treat them alike.

A **cross-tabulation** of two or three dimensions is named by their keys joined with ``*``
(``nationality*sex``), and each of its cells by its categories joined the same way
(``albanian*female``). An indicator lists a cross-tab among its splits like any dimension, and a
figure keeps its cells under that key in its breakdown, beside each dimension's own split, which the
cells must add up to (``figure_parsing.parse_breakdown``).
"""

from __future__ import annotations

from itertools import product

from partnerships.access import scoped

from ..models import Dimension, DimensionCategory
from ..models.figures import DIMENSIONS
from .figure_parsing import SEP

MAX_CROSSTAB = 3

Registry = dict[str, tuple[str, dict[str, str]]]


def is_crosstab(key: str) -> bool:
    return SEP in key


def parts_of(key: str) -> list[str]:
    """The dimensions a split is made of: one, or two or three for a cross-tab."""
    return key.split(SEP)


def crosstab_key(dims) -> str:
    return SEP.join(dims)


def cell_key(categories) -> str:
    return SEP.join(categories)


def builtin_only(keys) -> bool:
    return all(part in DIMENSIONS for key in keys or () for part in parts_of(key))


def dimensions_of(partnership, *, active_only: bool = False) -> Registry:
    """The built-in dimensions, then the partnership's own (two queries, whatever their number).
    Dimensions put out of use still name the figures split by them unless ``active_only``."""
    registry: Registry = dict(DIMENSIONS)
    dims = scoped(partnership, Dimension).order_by("name")
    if active_only:
        dims = dims.filter(is_active=True)
    categories: dict[int, dict[str, str]] = {}
    for c in scoped(partnership, DimensionCategory).filter(dimension__in=dims).order_by("order", "label"):
        categories.setdefault(c.dimension_id, {})[c.key] = c.label
    for d in dims:
        registry.setdefault(d.key, (d.name, categories.get(d.pk, {})))
    return registry


def dimensions_for(indicator, registry: Registry | None = None) -> Registry:
    """What ``indicator``'s splits need: the built-ins alone (no query) unless it uses its partnership's own."""
    if registry is not None or builtin_only(indicator.disaggregation):
        return registry if registry is not None else DIMENSIONS
    return dimensions_of(indicator.partnership_id)


def label_of(key: str, registry: Registry) -> str:
    """ "Nationality", or "Nationality × Sex" for a cross-tab."""
    return " × ".join(registry[p][0] if p in registry else p.replace("_", " ").capitalize() for p in parts_of(key))


def cells_of(key: str, registry: Registry) -> list[tuple[str, ...]]:
    """Every cell of a cross-tab, in its dimensions' own order of categories."""
    return list(product(*(list(registry.get(p, ("", {}))[1]) for p in parts_of(key))))


def cell_label(cell: tuple[str, ...], key: str, registry: Registry) -> str:
    return ", ".join(registry.get(p, ("", {}))[1].get(c, c) for p, c in zip(parts_of(key), cell, strict=True))


def split_labels(keys, registry: Registry) -> list[str]:
    """The names of an indicator's splits, as the indicator page says them."""
    return [label_of(k, registry) for k in keys or () if all(p in registry for p in parts_of(k))]


def choices(registry: Registry) -> list[tuple[str, str]]:
    return [(k, name) for k, (name, _) in registry.items()]


def dimension_rows(partnership) -> list[dict]:
    """The dimensions page: the built-ins, then the partnership's own with their categories and the
    indicators split by each. Three queries, whatever the number of dimensions and indicators."""
    from ..models import Indicator  # noqa: PLC0415 - the page's one extra read; models import nothing of this

    used: dict[str, list[Indicator]] = {}
    for indicator in scoped(partnership, Indicator).only("pk", "code", "name", "disaggregation").order_by("code"):
        for key in {p for k in indicator.disaggregation or [] for p in parts_of(k)}:
            used.setdefault(key, []).append(indicator)
    categories: dict[int, list[DimensionCategory]] = {}
    for c in scoped(partnership, DimensionCategory).order_by("order", "label"):
        categories.setdefault(c.dimension_id, []).append(c)
    rows = [
        {"key": key, "name": name, "builtin": True, "labels": list(labels.values()), "used_by": used.get(key, [])}
        for key, (name, labels) in DIMENSIONS.items()
    ]
    for d in scoped(partnership, Dimension).order_by("-is_active", "name"):
        rows.append(
            {
                "key": d.key,
                "name": d.name,
                "builtin": False,
                "dimension": d,
                "categories": categories.get(d.pk, []),
                "labels": [c.label for c in categories.get(d.pk, [])],
                "used_by": used.get(d.key, []),
            }
        )
    return rows


def groups_of(key: str, registry: Registry) -> dict[str, str] | None:
    """What a split's boxes are: a dimension's categories, or a cross-tab's cells ("Albanian, Female");
    None when the split names a dimension the registry does not have."""
    if not all(p in registry for p in parts_of(key)):
        return None
    if is_crosstab(key):
        return {cell_key(c): cell_label(c, key, registry) for c in cells_of(key, registry)}
    return registry[key][1]


def registry_for_indicators(indicators) -> Registry:
    """The registry a set of indicators of one partnership needs: no query unless one uses its own dimensions."""
    indicators = list(indicators)
    if all(builtin_only(i.disaggregation) for i in indicators):
        return DIMENSIONS
    return dimensions_of(indicators[0].partnership_id)


def split_columns(registry) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The figures import's split columns for a partnership: one per group (``nationality.albanian``,
    the wide form) and one per dimension (``nationality``: the group a row's count is for, so that
    each row is one cell of a split or a cross-tab, the long form)."""
    wide = [(dim, cat, f"{dim}.{cat}") for dim, (_, cats) in registry.items() for cat in cats]
    return wide, list(registry)


# Words tables use for a group beside its label: "Male minor", "Labour exploitation".
CATEGORY_WORDS = {
    "age_group": {"minor": "child", "minors": "child", "children": "child", "under 18": "child", "adults": "adult"},
    "sex": {"men": "male", "women": "female"},
}


def category_of(registry: Registry, dim: str, raw: str) -> str | None:
    """A group of ``dim`` named by its key, its label or a word tables use for it, in any case."""
    wanted = " ".join(str(raw).replace("_", " ").lower().split())
    for key, label in registry[dim][1].items():
        if wanted in (key.replace("_", " "), label.lower()) or wanted == f"{label.lower()} exploitation":
            return key
    return CATEGORY_WORDS.get(dim, {}).get(wanted)


def _words(registry: Registry, dim: str, category: str) -> list[str]:
    return [registry[dim][1][category].lower()] + [w for w, c in CATEGORY_WORDS.get(dim, {}).items() if c == category]


def cell_columns(registry: Registry, keys) -> list[tuple[tuple[str, str], tuple[str, str], str, str, list[str]]]:
    """Columns a table may give the cells of a cross-tab in, two dimensions at a time ("Male adult" for
    sex and age group), for the cross-tabs in ``keys``: (dims, categories, column, label, names a
    header may use). A third dimension, if any, is the row's ("Type": Labour exploitation)."""
    seen, found = set(), []
    for key in keys:
        parts = [p for p in parts_of(key) if p in registry]
        if len(parts) < 2 or len(parts) != len(parts_of(key)):
            continue
        for i, first in enumerate(parts):
            for second in parts[i + 1 :]:
                if frozenset((first, second)) in seen:
                    continue
                seen.add(frozenset((first, second)))
                for cats in product(registry[first][1], registry[second][1]):
                    dims = (first, second)
                    names = [
                        f"{a} {b}"
                        for x, y, cx, cy in ((first, second, *cats), (second, first, cats[1], cats[0]))
                        for a in _words(registry, x, cx)
                        for b in _words(registry, y, cy)
                    ]
                    pair = crosstab_key(dims)
                    label = f"{label_of(pair, registry)}: {cell_label(cats, pair, registry)}"
                    found.append((dims, cats, f"{pair}.{cell_key(cats)}", label, names))
    return found
