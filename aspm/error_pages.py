"""The site's own 403, 404, 500 and CSRF-failure pages, and the log filter that keeps 4xx to one line.

Each page sits in the site's layout and says, in plain words, what the person can do next: sign in,
go back to their home, or ask their partnership's coordinator. The 500 page is rendered without the
context processors (the database may be what failed), so it needs nothing but the template.
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpResponse
from django.template import loader


def _page(request, template: str, status: int, *, with_context: bool = True, **extra) -> HttpResponse:
    if with_context:
        try:
            html = loader.render_to_string(template, extra, request=request)
        except Exception:  # noqa: BLE001 - an error page must never fail: fall back to no context
            html = loader.render_to_string(template, extra)
    else:
        html = loader.render_to_string(template, extra)
    return HttpResponse(html, status=status)


def page_not_found(request, exception=None) -> HttpResponse:
    return _page(request, "errors/404.html", 404)


def _where(request) -> None:
    """A 403 is raised before the view sets the partnership: find the member's one again (same door)."""
    slug = (getattr(request, "resolver_match", None) and request.resolver_match.kwargs.get("slug")) or None
    if slug and getattr(request, "partnership", None) is None and request.user.is_authenticated:
        from partnerships.access import get_membership_for

        try:
            request.membership = get_membership_for(request.user, slug)
        except Http404:
            return
        request.partnership = request.membership.partnership


def permission_denied(request, exception=None) -> HttpResponse:
    _where(request)
    return _page(request, "errors/403.html", 403)


def server_error(request) -> HttpResponse:
    return _page(request, "errors/500.html", 500, with_context=False)


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: usually a form left open so long that the session ended, or cookies off."""
    return _page(request, "errors/csrf.html", 403)


class OneLineClientErrors(logging.Filter):
    """On the ``django.request`` and ``django.security`` loggers: a 4xx is logged as its one line
    ("Forbidden (Permission denied): /p/x/"), without the traceback of the exception behind it.
    Server errors (5xx) keep their traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.exc_info and (status is None or status < 500) and record.levelno < logging.ERROR:
            record.exc_info = None
            record.exc_text = None
        return True
