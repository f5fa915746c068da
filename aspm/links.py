"""Addresses of many objects of one kind, for pages that list hundreds of links: the URL is resolved
once with a marker in the id's place, and each object's address is the marker replaced by its id."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

MARKER = 987654321


def address_by_id(name: str, **kwargs) -> Callable[[int], str]:
    """``address(pk)`` for the URL ``name`` with ``kwargs`` (the partnership's slug) and ``pk``, equal
    to ``reverse(name, kwargs={**kwargs, "pk": pk})``. Only the id's place is replaced (a slug may
    hold the same digits as the marker)."""
    before, _, after = reverse(name, kwargs={**kwargs, "pk": MARKER}).rpartition(str(MARKER))
    return lambda pk: f"{before}{pk}{after}"
