"""Render one home-page panel on its own, to pin its queries separately from the other apps' panels."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.module_loading import import_string

from partnerships.access import get_membership_for


def home_panel_html(side, user, path: str) -> str:
    request = RequestFactory().get(f"/p/{side.slug}/")
    request.user = user
    request.membership = get_membership_for(user, side.slug)
    request.partnership = request.membership.partnership
    panel = import_string(path)(request)
    context = {
        "panel": panel["context"] if panel else None,
        "partnership": request.partnership,
        "membership": request.membership,
        "user": user,
    }
    return render_to_string(panel["template"], context, request=request) if panel else ""
