"""The client's address, one rule for the API's rate limits and django-axes' sign-in lockout.

``TRUSTED_PROXY_COUNT`` (settings, from the environment) is how many proxies of our own stand in
front of gunicorn. With 0 (the default) the address is the connection's (``REMOTE_ADDR``) and any
``X-Forwarded-For`` is ignored, since anyone can send one. With N, each of our N proxies appends the
address it saw, so the client is the N-th address from the right; anything to its left was sent by
the client and is not trusted. (DRF's ``NUM_PROXIES`` follows the same rule and is set alike.)
"""

from __future__ import annotations

from django.conf import settings


def client_address(request) -> str:
    meta = request.META
    remote = meta.get("REMOTE_ADDR", "") or ""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote
    return forwarded[-min(count, len(forwarded))]
