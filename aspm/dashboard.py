"""Panels of the partnership home page: a home for each role. Each app adds its own by naming a
function here.

A panel function takes the request (with ``request.partnership`` and ``request.membership``)
and returns ``{"template": ..., "context": {...}}``, or ``None`` to show nothing for this role.
The first panel of a role is its main card: what that person came for.
"""

from __future__ import annotations

from django.utils.module_loading import import_string

SURVEY = "partnerships.health.panels.survey_panel"  # only while a survey round waits for my answer
RAG = "actionplans.dashboard.rag_panel"
PLAN = "indicators.strategy.panels.plan_panel"
READER = [
    "reports.home_reports.reports_panel",  # the latest annual and quarterly report, to download
    "reports.home_since.since_panel",
    SURVEY,
    "indicators.measurement.panel.indicators_panel",
    RAG,
    PLAN,
]
ROLE_PANELS: dict[str, list[str]] = {
    "coordinator": ["reports.home_waiting.waiting_panel", SURVEY, RAG, PLAN],
    "spoc": ["reports.home_return.your_return_panel", SURVEY, RAG, PLAN],
    "board": READER,
    "viewer": READER,
}
# Every panel of every role, for tests that check each one on its own.
PANELS: list[str] = sorted({path for paths in ROLE_PANELS.values() for path in paths})


def home_panels(request) -> list[dict]:
    panels = []
    for path in ROLE_PANELS.get(request.membership.role, [RAG, PLAN]):
        panel = import_string(path)(request)
        if panel:
            panels.append(panel)
    return panels
