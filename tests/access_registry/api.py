"""Access facts for the JSON API's routes (see access_registry/__init__.py and test_api_isolation.py)."""

from __future__ import annotations

from partnerships.access import Perm

from ..api_helpers import plan_of
from ..api_work import a_job, a_version, council_action, police_return, q1, the_figure, the_indicator

PUBLIC_OR_PERSONAL = {
    "api:schema",  # the OpenAPI schema: the API's shape, no partnership's data
    "api:docs",  # Swagger UI for that schema, from static files
    "api:my-partnerships",  # the caller's own memberships
    "api:not-found",  # any unknown address under /api/v1/: a JSON 404
    "api_tokens",  # the caller's own tokens
    "api_token_revoke",  # only the caller's own token (404 otherwise): tests/test_api_tokens.py
}

OBJECT_KWARGS = {
    "api:organisation-detail": lambda side: {"pk": side.council.pk},
    "api:strand-detail": lambda side: {"pk": plan_of(side)["strand"].pk},
    "api:objective-detail": lambda side: {"pk": plan_of(side)["objective"].pk},
    "api:chain-entry-detail": lambda side: {"pk": plan_of(side)["entry"].pk},
    "api:indicator-detail": lambda side: {"pk": plan_of(side)["indicator"].pk},
    "api:period-detail": lambda side: {"pk": plan_of(side)["period"].pk},
    "api:figure-detail": lambda side: {"pk": the_figure(side).pk},
    "api:action-detail": lambda side: {"pk": council_action(side).pk},
    "api:action-status": lambda side: {"pk": council_action(side).pk},
    "api:return-detail": lambda side: {"pk": police_return(side).pk},
    "api:return-submit": lambda side: {"pk": police_return(side).pk},
    "api:report-version-detail": lambda side: {"pk": a_version(side).pk},
    "api:report-version-download": lambda side: {"pk": a_version(side).pk},
    "api:report-job-detail": lambda side: {"pk": a_job(side).pk},
}


def _new_figure(side) -> dict:
    return {
        "indicator": the_indicator(side).pk,
        "period": q1(side).pk,
        "organisation": side.charity.pk,
        "value": "5",
        "breakdown": {"sex": {"female": 2, "male": 3}},
    }


def _report(side) -> dict:
    return {"year": q1(side).start.year, "sections": ["partnership"]}


_READ = {"get": (Perm.VIEW, None)}

# API url name -> {method: (the right it needs, JSON body maker or None)}. Methods not listed are
# answered 405. The isolation walk tries every method; the role matrix each listed one per role.
API_MATRIX = {
    "api:partnership": _READ,
    "api:organisation-list": {
        **_READ,
        "post": (Perm.MANAGE_PARTNERSHIP, lambda side: {"name": "Harbour Mission", "sector": "faith_community"}),
    },
    "api:organisation-detail": {
        **_READ,
        "put": (Perm.MANAGE_PARTNERSHIP, lambda side: {"name": "Renamed Council", "sector": "local_authority"}),
        "patch": (Perm.MANAGE_PARTNERSHIP, lambda side: {"is_active": False}),
        "delete": (Perm.MANAGE_PARTNERSHIP, None),
    },
    "api:strand-list": _READ,
    "api:strand-detail": _READ,
    "api:objective-list": _READ,
    "api:objective-detail": _READ,
    "api:chain-entry-list": _READ,
    "api:chain-entry-detail": _READ,
    "api:indicator-list": _READ,
    "api:indicator-detail": _READ,
    "api:period-list": _READ,
    "api:period-detail": _READ,
    "api:figure-list": {**_READ, "post": (Perm.ENTER_ANY_FIGURES, _new_figure)},
    "api:figure-detail": {
        **_READ,
        "put": (Perm.ENTER_ANY_FIGURES, lambda side: {"value": "6", "comment": "Checked again"}),
        "patch": (Perm.ENTER_ANY_FIGURES, lambda side: {"comment": "From the custody records"}),
    },
    "api:action-list": _READ,
    "api:action-detail": _READ,
    "api:action-status": {"post": (Perm.UPDATE_OWN_ACTIONS, lambda side: {"status": "amber", "note": "Slipping"})},
    "api:return-list": _READ,  # every role 200; a SPOC sees only their organisation's (tests/test_api_returns.py)
    "api:return-detail": {
        "get": (Perm.VIEW, None),
        "patch": (Perm.SUBMIT_OWN_RETURN, lambda side: {"progress": "Two visits"}),
    },
    "api:return-submit": {"post": (Perm.SUBMIT_OWN_RETURN, None)},
    "api:report-version-list": {"get": (Perm.DOWNLOAD_REPORT, None)},
    "api:report-version-detail": {"get": (Perm.DOWNLOAD_REPORT, None)},
    "api:report-version-download": {"get": (Perm.DOWNLOAD_REPORT, None)},
    "api:report-job-list": {"get": (Perm.DOWNLOAD_REPORT, None), "post": (Perm.START_REPORT, _report)},
    "api:report-job-detail": {"get": (Perm.DOWNLOAD_REPORT, None)},
}

# Routes whose answer depends on the member's organisation (a SPOC's own actions and return; another
# organisation's return is a 404 for them), so not a plain role check: each has its own test.
API_OWN_TESTS = {
    ("api:action-status", "post"): "tests/test_api_actions.py",
    ("api:return-detail", "get"): "tests/test_api_returns.py",
    ("api:return-detail", "patch"): "tests/test_api_returns.py",
    ("api:return-submit", "post"): "tests/test_api_returns.py",
}
