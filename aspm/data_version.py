"""A version token per partnership that every audited write changes, and a cache keyed by it.

Every write to a partnership's data goes through ``partnerships.audit.record`` (services call it
in the transaction of their change), and ``record`` calls :func:`changed`. So a value cached under
the partnership's current token (:func:`cached`) can never outlive the data it was drawn from:
the next write changes the token, and the old entry is simply never read again (it expires).

The token changes twice: at once, so the writer's own next read (later in the same transaction)
misses the cache, and again after the commit, so a page that read the old rows while the write was
still open, and cached them under the interim token, is not served afterwards.

The cache is Django's default one: Redis in production, shared by every web process and worker.
When Redis is unreachable (``aspm.cache.FailOpenRedisCache``) every read is a miss and every page
computes its figures afresh; entries also expire after ``TIMEOUT`` as a last guard.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")

TIMEOUT = 60 * 60  # seconds a cached value is kept at most, even when nothing changes
_MISSING = object()


def _key(partnership_id: int) -> str:
    return f"data-version:{partnership_id}"


def _new_token() -> str:
    return secrets.token_hex(8)


def current(partnership) -> str:
    """The partnership's data version now (a new one when the cache has none)."""
    key = _key(partnership.pk)
    token = cache.get(key)
    if token is None:
        token = _new_token()
        cache.add(key, token, timeout=None)  # another process may have set one first: keep theirs
        token = cache.get(key) or token
    return token


def _bump(partnership_id: int) -> None:
    cache.set(_key(partnership_id), _new_token(), timeout=None)


def changed(partnership_id: int) -> None:
    """The partnership's data changed (called by ``partnerships.audit.record``)."""
    _bump(partnership_id)
    transaction.on_commit(lambda: _bump(partnership_id))


def cached(partnership, name: str, compute: Callable[[], T], *, parts: Iterable[object] = ()) -> T:
    """``compute()``, kept under the partnership's data version (and ``parts``, e.g. today's date).

    ``compute`` must depend only on the partnership's data and on ``parts``: nothing of the person
    asking (their role, their organisation), since every member shares the entry.
    """
    detail = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]  # bounded key, any input
    key = f"dv:{name}:{partnership.pk}:{current(partnership)}:{detail}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout=TIMEOUT)
    return value
