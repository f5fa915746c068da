"""Idle sessions end after ``SESSION_COOKIE_AGE`` without writing the session on every request.

Django renews a session's expiry only when it saves it. ``SESSION_SAVE_EVERY_REQUEST`` would write
the session row on every page and every API call; this middleware marks the session for saving at
most once every ``SESSION_RENEW_SECONDS`` (a minute), so the idle timeout holds to within a minute
and a busy person costs one write a minute, not one a request.

It sits just below ``SessionMiddleware``, so its change is seen when that saves the session.
"""

from __future__ import annotations

import time

from django.conf import settings

RENEWED_AT = "_renewed_at"


class RenewSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.session_key is None or not session.accessed:
            return response  # no session, or one this request never read: nothing to renew
        if session.modified or not session.keys():
            return response  # being saved anyway (renewed), or emptied by signing out
        now = int(time.time())
        last = session.get(RENEWED_AT)
        if not isinstance(last, int) or now - last >= settings.SESSION_RENEW_SECONDS or last > now:
            session[RENEWED_AT] = now  # marks the session modified: saved with a fresh expiry
        return response
