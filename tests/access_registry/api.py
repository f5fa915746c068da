"""Access facts for the JSON API's routes (see access_registry/__init__.py and test_api_isolation.py)."""

from __future__ import annotations

from partnerships.access import Perm

from ..api_helpers import plan_of

PUBLIC_OR_PERSONAL = {
    "api:schema",  # the OpenAPI schema: the API's shape, no partnership's data
    "api:docs",  # Swagger UI for that schema, from static files
    "api:my-partnerships",  # the caller's own memberships
    "api:not-found",  # any unknown address under /api/v1/: a JSON 404
    "api_tokens",  # the caller's own tokens
    "api_token_revoke",  # only the caller's own token (404 otherwise): tests/test_api_tokens.py
}

OBJECT_KWARGS = {
    "api:organisation-detail": lambda side: {"pk": side.council.pk},
    "api:strand-detail": lambda side: {"pk": plan_of(side)["strand"].pk},
    "api:objective-detail": lambda side: {"pk": plan_of(side)["objective"].pk},
    "api:chain-entry-detail": lambda side: {"pk": plan_of(side)["entry"].pk},
    "api:indicator-detail": lambda side: {"pk": plan_of(side)["indicator"].pk},
    "api:period-detail": lambda side: {"pk": plan_of(side)["period"].pk},
}

_READ = {"get": (Perm.VIEW, None)}

# API url name -> {method: (the right it needs, JSON body maker or None)}. Methods not listed are
# answered 405. The isolation walk tries every method; the role matrix each listed one per role.
API_MATRIX = {
    "api:partnership": _READ,
    "api:organisation-list": {
        **_READ,
        "post": (Perm.MANAGE_PARTNERSHIP, lambda side: {"name": "Harbour Mission", "sector": "faith_community"}),
    },
    "api:organisation-detail": {
        **_READ,
        "put": (Perm.MANAGE_PARTNERSHIP, lambda side: {"name": "Renamed Council", "sector": "local_authority"}),
        "patch": (Perm.MANAGE_PARTNERSHIP, lambda side: {"is_active": False}),
        "delete": (Perm.MANAGE_PARTNERSHIP, None),
    },
    "api:strand-list": _READ,
    "api:strand-detail": _READ,
    "api:objective-list": _READ,
    "api:objective-detail": _READ,
    "api:chain-entry-list": _READ,
    "api:chain-entry-detail": _READ,
    "api:indicator-list": _READ,
    "api:indicator-detail": _READ,
    "api:period-list": _READ,
    "api:period-detail": _READ,
}
