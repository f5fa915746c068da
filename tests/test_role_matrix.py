"""Each role can do exactly what the role -> permission table says, on the page and on the POST."""

import pytest
from django.urls import reverse

from partnerships.access import ROLE_PERMISSIONS
from partnerships.models import Organisation, Role

from .access_registry import MATRIX, OBJECT_KWARGS, OWN_TESTS
from .cast import ROLES
from .url_walk import tenant_routes

pytestmark = pytest.mark.django_db

ROLE_OF = {
    "coordinator": Role.COORDINATOR,
    "spoc_police": Role.SPOC,
    "spoc_charity": Role.SPOC,
    "board": Role.BOARD,
    "viewer": Role.VIEWER,
}


def test_the_matrix_covers_every_partnership_url():
    missing = sorted({r.name for r in tenant_routes()} - set(MATRIX) - set(OWN_TESTS))
    assert missing == [], f"Add these URLs to a role matrix in tests/access_registry/: {missing}"


def test_urls_with_own_organisation_rights_have_their_own_tests():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    names = {r.name for r in tenant_routes()}
    for name, module in OWN_TESTS.items():
        assert name in names, f"{name} in OWN_TESTS is not a partnership URL"
        assert (root / module).exists(), f"{module} (covering {name}) does not exist"
        assert name in (root / module).read_text(), f"{module} does not mention {name}"


@pytest.mark.parametrize("url_name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_role_gets_exactly_what_the_table_allows(url_name, role, world, client, django_capture_on_commit_callbacks):
    side = world.a
    perm, methods, data_maker = MATRIX[url_name]
    allowed = perm in ROLE_PERMISSIONS[ROLE_OF[role]]
    maker = OBJECT_KWARGS.get(url_name)
    url = reverse(url_name, kwargs={"slug": side.slug, **(maker(side) if maker else {})})
    client.force_login(side.user(role), backend="django.contrib.auth.backends.ModelBackend")
    for method in methods:
        data = data_maker(side) if (method == "post" and data_maker) else {}
        with django_capture_on_commit_callbacks(execute=True):
            response = getattr(client, method)(url, data)
        if allowed:
            assert response.status_code in (200, 302), f"{role} {method} {url}: {response.status_code}"
            if method == "post" and data_maker:
                assert response.status_code == 302, f"{role}'s valid POST to {url} was not accepted"
        else:
            assert response.status_code == 403, f"{role} {method} {url}: {response.status_code}"


def test_a_refused_post_changes_nothing(a, login):
    login(a.board).post(
        reverse("partnerships:organisation_create", kwargs={"slug": a.slug}), {"name": "Sneaky Org", "sector": "other"}
    )
    assert not Organisation.objects.filter(name="Sneaky Org").exists()


def test_spoc_sees_the_plan_but_no_settings_link(a, login):
    page = login(a.spoc_police).get(reverse("partnerships:home", kwargs={"slug": a.slug})).content.decode()
    assert "Partnership details" not in page
    assert "Members" in page
