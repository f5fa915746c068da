"""Named points where one app's service lets others act in the same transaction.

A service calls ``run("period_opened", actor=..., period=...)``; each function listed under that
name is called with the same keyword arguments, inside the caller's transaction. This keeps
apps decoupled (indicators does not import reports) without signals or logic in ``save()``.
"""

from __future__ import annotations

from django.utils.module_loading import import_string

HOOKS: dict[str, list[str]] = {
    # A reporting period was opened: e.g. quarterly returns are opened for each organisation.
    "period_opened": ["reports.returns.services.returns_open_for_period"],
    # What organisations report changed (an indicator's reporters or state, an action's owner):
    # their open returns stage the rows to fill in now, not when the page is next shown.
    "reporting_changed": ["reports.returns.services.returns_prepare_for"],
    # An action's status changed, it became overdue, or it is being deleted: what follows it updates.
    "action_status_changed": ["learning.services.action_status_changed"],
    # A partnership was created: e.g. the 4Ps strands are added.
    "partnership_created": [
        "indicators.strategy.services.strands.create_default_strands",
        "indicators.strategy.services.goals.create_development_goals",
    ],
}


def run(name: str, **kwargs) -> None:
    for path in HOOKS[name]:
        import_string(path)(**kwargs)
