"""Lists every URL pattern of the project, for the isolation walk and the anonymous walk."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    route: str  # "p/<slug:slug>/organisations/<int:pk>/"
    kwargs: tuple[str, ...]


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            route = prefix + str(p.pattern)
            name = f"{namespace}:{p.name}" if namespace and p.name else (p.name or route)
            converters = {**getattr(p.pattern, "converters", {})}
            kwargs = tuple(sorted(set(_kwarg_names(route)) | set(converters)))
            yield Route(name=name, route=route, kwargs=kwargs)


def _kwarg_names(route: str):
    import re

    return re.findall(r"<(?:\w+:)?(\w+)>", route)


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns))


def tenant_routes() -> list[Route]:
    return [r for r in all_routes() if r.route.startswith("p/<slug:slug>/")]


API_TENANT_PREFIX = "api/v1/p/<slug:slug>/"


def api_routes() -> list[Route]:
    """The API's routes of one partnership (walked by tests/test_api_isolation.py)."""
    return [r for r in all_routes() if r.route.startswith(API_TENANT_PREFIX)]
