"""One rate limit per token: requests are counted per token, else per signed-in person, else per
address (``aspm.client_ip``: a made-up X-Forwarded-For does not count). Counts live in the cache
(Redis in production, so every web process shares them; it fails open when Redis is away); the
rates are ``DEFAULT_THROTTLE_RATES`` in the settings (``API_RATE`` / ``API_ANONYMOUS_RATE``)."""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from aspm.client_ip import client_address
from partnerships.models_tokens import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api"
    anonymous_scope = "api_anonymous"

    def allow_request(self, request, view):
        # Rates are read on each request so a settings change (or a test) takes effect at once.
        self.scope = self.scope_for(request)
        self.rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def scope_for(self, request) -> str:
        return type(self).scope if request.user and request.user.is_authenticated else self.anonymous_scope

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def get_ident(self, request):
        # The connection's address unless TRUSTED_PROXY_COUNT proxies vouch for X-Forwarded-For.
        return client_address(request)

    def __init__(self):  # the rate is chosen per request in allow_request
        pass
