"""Named points where one app lets others act or answer, without importing them.

A service calls ``run("period_opened", actor=..., period=...)``; each function listed under that
name is called with the same keyword arguments, inside the caller's transaction. A question asked of
other apps is ``answers("quarters_outstanding", partnership=..., quarter_ids=...)``: each function
listed under ``ANSWERS`` is called and their answers returned in order. This keeps apps decoupled
(indicators does not import reports) without signals, logic in ``save()`` or registration in
``AppConfig.ready``: every app's part is named here, in one place (as the home page's panels are in
``aspm.dashboard``, the health page's goals in ``aspm.health_goals``, the annual report's sections in
``reports.annual.registry``).
"""

from __future__ import annotations

from django.utils.module_loading import import_string

HOOKS: dict[str, list[str]] = {
    # A reporting period was opened: e.g. quarterly returns are opened for each organisation.
    "period_opened": ["reports.returns.services.opening.returns_open_for_period"],
    # What organisations report changed (an indicator's reporters or state, an action's owner):
    # their open returns stage the rows to fill in now, not when the page is next shown.
    "reporting_changed": ["reports.returns.services.opening.returns_prepare_for"],
    # An action's status changed, it became overdue, or it is being deleted: what follows it updates.
    "action_status_changed": ["actionplans.learning.services.action_status_changed"],
    # A partnership was created: e.g. the 4Ps strands are added.
    "partnership_created": [
        "indicators.strategy.services.strands.create_default_strands",
        "indicators.strategy.services.goals.create_development_goals",
    ],
}


# Questions other apps answer: each function is called with the same keyword arguments.
ANSWERS: dict[str, list[str]] = {
    # (partnership, quarter_ids) -> the ids of those quarters with a return not approved yet: a quarter
    # is final only once its returns are approved (indicators.measurement.finality).
    "quarters_outstanding": ["reports.returns.finality.quarters_with_returns_outstanding"],
}


def run(name: str, **kwargs) -> None:
    for path in HOOKS[name]:
        import_string(path)(**kwargs)


def answers(name: str, **kwargs) -> list:
    return [import_string(path)(**kwargs) for path in ANSWERS[name]]
