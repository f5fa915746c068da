"""One door for the API too: every /api/v1/p/<slug>/ route, every method, as every role of
partnership A against partnership B's objects; anonymous callers; and the role matrix."""

import pytest
from django.urls import reverse

from partnerships.access import ROLE_PERMISSIONS

from .access_registry import API_MATRIX, API_OWN_TESTS, OBJECT_KWARGS
from .api_helpers import ApiClient, plan_of, token_for
from .cast import ROLES
from .test_role_matrix import ROLE_OF
from .url_walk import api_routes

pytestmark = pytest.mark.django_db

METHODS = ("get", "post", "put", "patch", "delete")


def _kwargs(route, side) -> dict:
    extra = set(route.kwargs) - {"slug"}
    if not extra:
        return {}
    maker = OBJECT_KWARGS.get(route.name)
    assert maker is not None, f"API route {route.name} takes {sorted(extra)}: add it to OBJECT_KWARGS"
    return maker(side)


def _url(route, slug, kwargs) -> str:
    return reverse(route.name, kwargs={"slug": slug, **kwargs})


def test_every_api_route_is_in_the_api_matrix():
    names = {r.name for r in api_routes()}
    assert len(names) >= 22
    assert sorted(names - set(API_MATRIX)) == [], "Add these API routes to API_MATRIX in tests/access_registry/"
    assert sorted(set(API_MATRIX) - names) == [], "API_MATRIX lists routes that no longer exist"


def test_every_role_of_a_gets_404_for_everything_of_b(world):
    a, b = world.a, world.b
    plan_of(a), plan_of(b)
    clients = {role: ApiClient(token_for(a.user(role))) for role in ROLES}
    leaks = []
    for route in api_routes():
        b_kwargs = _kwargs(route, b)
        targets = [_url(route, b.slug, b_kwargs)]
        if b_kwargs:
            targets.append(_url(route, a.slug, b_kwargs))  # A's address, B's object
        for role, client in clients.items():
            for url in targets:
                for method in METHODS:
                    body = {"name": "Leak", "sector": "other", "is_active": False}
                    response = client.call(method, url, body)
                    allowed = {404}
                    if url != targets[0] and method not in API_MATRIX[route.name]:
                        allowed = {404, 405}  # a method the route does not have at all
                    if response.status_code not in allowed:
                        leaks.append(f"{role} {method.upper()} {url} -> {response.status_code}")
                    elif response.status_code == 404:
                        assert response.json()["errors"] == {}
    assert leaks == [], "Partnership B is reachable from partnership A through the API:\n" + "\n".join(leaks)
    assert b.council.__class__.objects.filter(pk=b.council.pk, name=b.council.name, is_active=True).exists()


def test_the_outsider_gets_404_everywhere(world):
    client = ApiClient(token_for(world.outsider))
    for route in api_routes():
        url = _url(route, world.a.slug, _kwargs(route, world.a))
        for method in METHODS:
            assert client.call(method, url, {}).status_code == 404, f"{method} {url}"


def test_an_anonymous_caller_gets_401_with_a_challenge_everywhere(world):
    client = ApiClient()
    for route in api_routes():
        url = _url(route, world.a.slug, _kwargs(route, world.a))
        for method in METHODS:
            response = client.call(method, url, {})
            assert response.status_code == 401, f"{method.upper()} {url} -> {response.status_code}"
            assert response["WWW-Authenticate"].startswith("Bearer")
            assert set(response.json()) == {"detail", "errors"}


def test_routes_with_own_organisation_rights_have_their_own_tests():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for (name, method), module in API_OWN_TESTS.items():
        assert method in API_MATRIX.get(name, {}), f"{name} {method} is not in API_MATRIX"
        assert (root / module).exists(), f"{module} (covering {name} {method}) does not exist"


def _cases():
    for name in sorted(API_MATRIX):
        for method in API_MATRIX[name]:
            if (name, method) not in API_OWN_TESTS:
                yield name, method


SUCCESS = {"get": 200, "post": 201, "put": 200, "patch": 200, "delete": 204}


@pytest.mark.parametrize(("url_name", "method"), list(_cases()))
@pytest.mark.parametrize("role", ROLES)
def test_role_gets_exactly_what_the_table_allows_through_the_api(url_name, method, role, world):
    side = world.a
    perm, body_maker = API_MATRIX[url_name][method]
    maker = OBJECT_KWARGS.get(url_name)
    plan_of(side)
    url = reverse(url_name, kwargs={"slug": side.slug, **(maker(side) if maker else {})})
    response = ApiClient(token_for(side.user(role))).call(method, url, body_maker(side) if body_maker else None)
    if perm in ROLE_PERMISSIONS[ROLE_OF[role]]:
        assert response.status_code == SUCCESS[method], f"{role} {method} {url}: {response.content[:300]}"
    else:
        assert response.status_code == 403, f"{role} {method} {url}: {response.status_code}"
        assert response.json() == {"detail": "Your role in this partnership does not allow this.", "errors": {}}
