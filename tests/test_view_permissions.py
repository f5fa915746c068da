"""Every page of a partnership states the right it needs, and pages ask the permission table, not
the role's name (issue 17, point 1: fail closed)."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from partnerships import access, services
from partnerships.access import Perm
from partnerships.decorators import partnership_view
from partnerships.models import Role


def _views(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _views(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.callback


def _tenant_views():
    return [(route, view) for route, view in _views(get_resolver().url_patterns) if route.startswith("p/<slug:slug>/")]


def test_every_page_of_a_partnership_states_the_permission_it_needs():
    views = _tenant_views()
    assert len(views) > 50  # the walk found the pages
    silent = [route for route, view in views if not isinstance(getattr(view, "partnership_need", None), Perm)]
    assert silent == [], "Decorate these views with partnership_view(need=Perm.…)"


def test_a_view_that_forgets_its_permission_is_refused_when_its_module_loads():
    with pytest.raises(TypeError):
        partnership_view()
    with pytest.raises(TypeError):
        partnership_view(need=None)
    with pytest.raises(TypeError):
        partnership_view(need="view")  # a string is not a permission of the table
    assert partnership_view(need=Perm.VIEW)(lambda request: None).partnership_need == Perm.VIEW


@pytest.mark.django_db
def test_the_members_page_shows_pending_invitations_to_whoever_the_table_lets_manage_members(a, login, monkeypatch):
    services.invitation_create(
        actor=a.coordinator, partnership=a.partnership, email="new@example.org", role=Role.VIEWER
    )
    url = reverse("partnerships:members", kwargs={"slug": a.partnership.slug})
    assert "new@example.org" in login(a.coordinator).get(url).content.decode()
    assert "new@example.org" not in login(a.board).get(url).content.decode()
    wider = access.ROLE_PERMISSIONS[Role.BOARD] | {Perm.MANAGE_MEMBERS}
    monkeypatch.setitem(access.ROLE_PERMISSIONS, Role.BOARD, wider)
    assert "new@example.org" in login(a.board).get(url).content.decode()


@pytest.mark.django_db
def test_the_home_page_shows_recent_changes_to_whoever_the_table_lets_read_the_audit(a, login, monkeypatch):
    url = reverse("partnerships:home", kwargs={"slug": a.partnership.slug})
    assert login(a.coordinator).get(url).context["recent_events"]
    assert login(a.board).get(url).context["recent_events"] == []
    monkeypatch.setitem(access.ROLE_PERMISSIONS, Role.BOARD, access.ROLE_PERMISSIONS[Role.BOARD] | {Perm.VIEW_AUDIT})
    assert login(a.board).get(url).context["recent_events"]
