"""One door for tenancy: every URL, as every role of partnership A, against partnership B's objects."""

import pytest
from django.conf import settings
from django.urls import reverse

from partnerships.models import AuditEvent

from .access_registry import FOREIGN_IDS, OBJECT_KWARGS, PUBLIC_OR_PERSONAL
from .cast import ROLES
from .url_walk import API_TENANT_PREFIX, all_routes, tenant_routes

pytestmark = pytest.mark.django_db


def _kwargs_for(route, side):
    extra = set(route.kwargs) - {"slug"}
    if not extra:
        return {}
    maker = OBJECT_KWARGS.get(route.name)
    assert maker is not None, (
        f"URL {route.name} ({route.route}) takes {sorted(extra)} but the isolation walk does not know "
        "how to make such an object: add it to a module in tests/access_registry/"
    )
    kwargs = maker(side)
    assert set(kwargs) == extra, f"{route.name}: registry gives {sorted(kwargs)}, URL needs {sorted(extra)}"
    return kwargs


def test_every_url_is_either_a_tenant_url_or_known_to_be_public():
    unknown = [
        r.name
        for r in all_routes()
        if not r.route.startswith(("p/<slug:slug>/", API_TENANT_PREFIX, "admin/", "static/"))
        and r.name not in PUBLIC_OR_PERSONAL
    ]
    assert unknown == [], f"New URLs outside /p/<slug>/ must be listed in PUBLIC_OR_PERSONAL: {unknown}"


def test_the_walk_covers_a_real_number_of_urls():
    assert len(tenant_routes()) >= 12


def test_every_role_of_a_gets_404_for_everything_of_b(world, client):
    a, b = world.a, world.b
    routes = tenant_routes()
    leaks = []
    for route in routes:
        b_kwargs = _kwargs_for(route, b)
        with_b_slug = reverse(route.name, kwargs={"slug": b.slug, **b_kwargs})
        with_a_slug = reverse(route.name, kwargs={"slug": a.slug, **b_kwargs}) if b_kwargs else None
        for role in ROLES:
            client.force_login(a.user(role), backend="django.contrib.auth.backends.ModelBackend")
            for url in filter(None, [with_b_slug, with_a_slug]):
                for method in ("get", "post"):
                    response = getattr(client, method)(url)
                    allowed = {404, 405} if method == "get" and url == with_a_slug else {404}
                    if response.status_code not in allowed:
                        leaks.append(f"{role} {method.upper()} {url} -> {response.status_code}")
    assert leaks == [], "Partnership B is reachable from partnership A:\n" + "\n".join(leaks)


def test_the_outsider_gets_404_everywhere(world, client):
    client.force_login(world.outsider, backend="django.contrib.auth.backends.ModelBackend")
    for route in tenant_routes():
        url = reverse(route.name, kwargs={"slug": world.a.slug, **_kwargs_for(route, world.a)})
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_sign_in(world, client):
    login_url = reverse(settings.LOGIN_URL)
    for route in tenant_routes():
        url = reverse(route.name, kwargs={"slug": world.a.slug, **_kwargs_for(route, world.a)})
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302, f"{method.upper()} {url} -> {response.status_code}"
            assert response.url.startswith(login_url), url


def test_a_partnership_that_does_not_exist_is_the_same_404(world, login):
    client = login(world.a.coordinator)
    assert client.get("/p/no-such-place/").status_code == 404
    assert client.get(f"/p/{world.b.slug}/").status_code == 404


@pytest.mark.parametrize("url_name", sorted(FOREIGN_IDS))
def test_a_post_to_our_own_url_carrying_the_other_partnerships_ids_changes_nothing(url_name, world, client):
    a, b = world.a, world.b
    maker = OBJECT_KWARGS.get(url_name)
    url = reverse(url_name, kwargs={"slug": a.slug, **(maker(a) if maker else {})})
    body = FOREIGN_IDS[url_name](a, b)
    events = AuditEvent.objects.count()
    client.force_login(a.coordinator, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(url, body)
    assert response.status_code in (200, 302, 400, 404, 422), f"{url} -> {response.status_code}"
    assert AuditEvent.objects.count() == events, f"POST {url} with {body} wrote something"


def test_the_bodies_with_the_other_partnerships_ids_cover_bulk_status_and_meeting_items():
    assert {"actions:bulk_status", "meetings:item_add", "actions:from_meeting_item"} <= set(FOREIGN_IDS)
