"""Every import kind, registered by the module that defines it, with the URL name of its page.

Tests that must cover every import (Excel's CSVs through each kind) iterate :func:`registered`, so a new
kind is covered as soon as it is registered. Each app imports its kinds' modules when it is ready
(``AppConfig.ready``), so the registry is full before any request or test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .flow import ImportKind


@dataclass(frozen=True)
class Registered:
    key: str
    url_name: str  # the page, reversed with the partnership's slug
    kind: Callable[[object], ImportKind]  # the kind for a partnership (its own dimensions add figure columns)


_KINDS: dict[str, Registered] = {}


def register(key: str, url_name: str, kind: Callable[[object], ImportKind]) -> None:
    _KINDS[key] = Registered(key=key, url_name=url_name, kind=kind)


def registered() -> list[Registered]:
    return sorted(_KINDS.values(), key=lambda r: r.key)
