"""Panels of the partnership home page. Each app adds its own by naming a function here.

A panel function takes the request (with ``request.partnership`` and ``request.membership``)
and returns ``{"template": ..., "context": {...}}``, or ``None`` to show nothing for this role.
"""

from __future__ import annotations

from django.utils.module_loading import import_string

PANELS: list[str] = [
    "reports.returns.panel.home_panel",  # first: what is due from me, or waits for my approval
    "partnerships.health.panels.survey_panel",  # only while a survey round waits for my answer
    "actionplans.dashboard.rag_panel",
    "indicators.strategy.panels.plan_panel",
]


def home_panels(request) -> list[dict]:
    panels = []
    for path in PANELS:
        panel = import_string(path)(request)
        if panel:
            panels.append(panel)
    return panels
