"""Every import kind, in one list: each app names its own here.

Each entry names a :class:`Registered` defined in the module of the app that owns the kind, so this
module imports none of them (the registry style of ``aspm.hooks``, ``aspm.dashboard`` and
``aspm.health_goals``: a list of dotted names, no registration at start-up). Tests that must cover
every import (Excel's CSVs through each kind) iterate :func:`registered`, so a kind named here is
covered at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.utils.module_loading import import_string

from .flow import ImportKind

KINDS: list[str] = [
    "actionplans.imports.REGISTERED",
    "indicators.measurement.import_kinds.INDICATORS",
    "indicators.measurement.import_kinds.TARGETS",
    "indicators.measurement.import_kinds.FIGURES",
    "indicators.strategy.plan_import_kinds.REGISTERED_PLAN",
    "indicators.strategy.plan_import_kinds.REGISTERED_OBJECTIVES",
    "partnerships.imports.REGISTERED",
    "reports.returns.imports.REGISTERED",
]


@dataclass(frozen=True)
class Registered:
    key: str
    url_name: str  # the page, reversed with the partnership's slug (and the subject's pk, for a kind per object)
    # The kind for its subject: the partnership (its own dimensions add figure columns), or for a kind
    # per object the object itself (a return: its indicators are the rows, its splits the columns).
    kind: Callable[[object], ImportKind]
    subject: str = ""  # for a kind per object, its model ("reports.Return"), whose pk the page's URL carries


@cache
def registered() -> list[Registered]:
    kinds = [import_string(path) for path in KINDS]
    keys = [k.key for k in kinds]
    assert len(keys) == len(set(keys)), f"Two import kinds share a key: {keys}"
    return sorted(kinds, key=lambda r: r.key)
