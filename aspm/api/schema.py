"""The OpenAPI schema: drf-spectacular's, with the error responses every operation can give.

Each operation lists the statuses it may answer besides success, all with the one error body of
``aspm.api.exceptions.ErrorSerializer``, so clients (and schemathesis) can rely on them.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from .exceptions import ErrorSerializer

_WHY = {
    "400": "Values, filters or page were refused (see “errors”).",
    "401": "No token or session was sent, or the token is not valid.",
    "403": "Your role in this partnership does not allow this (or, with a session, the CSRF check failed).",
    "404": "No such partnership among yours, or no such record in it.",
    "409": "The record's current state does not allow this change.",
    "415": "The body was not JSON (send Content-Type: application/json).",
    "429": "Too many requests: wait for the number of seconds in Retry-After.",
}


class ApiAutoSchema(AutoSchema):
    def _error_codes(self) -> list[str]:
        method = self.method.upper()
        codes = ["401", "429"]
        if "{slug}" in self.path or method != "GET":
            codes += ["403", "404"]
        if "{" in self.path:
            codes.append("404")
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            codes += ["400", "409"]
        if method in ("POST", "PUT", "PATCH"):
            codes.append("415")
        if method == "GET" and self._is_list_view():
            codes += ["400", "404"]  # bad filter values; a page past the end
        return sorted(set(codes))

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response" or not self._is_authenticated_operation():
            return responses
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(response=ErrorSerializer, description=_WHY[code]), code, direction=direction
                )
        return responses

    def _is_authenticated_operation(self) -> bool:
        return bool(getattr(self.view, "authentication_classes", None)) and not getattr(
            self.view, "public_api_view", False
        )
