"""A Redis cache that fails open: when Redis cannot be reached, the cache behaves as empty.

Nothing ASPM keeps in the cache is the only copy of anything (charts drawn from the database, the
API's request counts), so a page must never fail because the cache is down: a read is a miss, a
write is skipped, and one warning line says so (at most once every ``WARN_EVERY`` seconds per
process, so an outage does not flood the log). The API's rate limits count in this cache and so
let requests through while Redis is away. Configured in ``aspm.settings.base`` when ``REDIS_URL``
is set.
"""

from __future__ import annotations

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

WARN_EVERY = 60.0  # seconds between two warnings of one process
UNAVAILABLE = (RedisError, OSError)


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache; every operation that cannot reach Redis logs a line and acts as a miss."""

    _last_warning = 0.0

    def _failed(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        if now - FailOpenRedisCache._last_warning >= WARN_EVERY:
            FailOpenRedisCache._last_warning = now
            logger.warning(
                "Cache unavailable (%s: %s: %s); carrying on without it.", operation, type(error).__name__, error
            )


def _fail_open(name: str, on_failure):
    method = getattr(RedisCache, name)

    @wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE as error:
            self._failed(name, error)
            return on_failure(*args, **kwargs)

    return wrapper


def _default(key, default=None, *args, **kwargs):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty(*args, **kwargs):
    return {}


def _no_keys_failed(data, *args, **kwargs):
    return []


def _incr_failed(key, delta=1, *args, **kwargs):
    # Django's incr raises ValueError for a missing key; an unreachable cache holds no keys.
    raise ValueError(f"Key '{key}' not found (the cache is unavailable).")


for _name, _on_failure in {
    "get": _default,
    "get_many": _empty,
    "has_key": _false,
    "add": _false,
    "set": _nothing,
    "set_many": _no_keys_failed,
    "touch": _false,
    "delete": _false,
    "delete_many": _nothing,
    "clear": _false,
    "incr": _incr_failed,
}.items():
    setattr(FailOpenRedisCache, _name, _fail_open(_name, _on_failure))
