"""Access facts for the measurement URLs (namespace "indicators"); see access_registry/__init__.py."""

from __future__ import annotations

from partnerships.access import Perm

from .. import measurement_helpers as m


def _indicator(side) -> dict:
    return {"pk": m.referrals(side).pk}


OBJECT_KWARGS = {
    "indicators:detail": _indicator,
    "indicators:edit": _indicator,
    "indicators:delete": _indicator,
    "indicators:targets": _indicator,
    "indicators:figure_enter": _indicator,
    "indicators:figure_correct": lambda side: {"pk": m.figure(side).pk},
    "indicators:evidence_download": lambda side: {"pk": m.evidence(side).pk},
    "indicators:period_open": lambda side: {"pk": m.periods(side)["q2"].pk},
    "indicators:period_lock": lambda side: {"pk": m.periods(side)["q1"].pk},
    "indicators:outcome_edit": lambda side: {"pk": m.outcome(side).pk},
    "indicators:case_edit": lambda side: {"pk": m.case(side).pk},
}

_INDICATOR_POST = {
    "code": "NEW-1",
    "name": "Businesses signed up to the charter",
    "type": "output",
    "unit": "count",
    "direction": "higher",
    "frequency": "quarterly",
}
_OUTCOME_POST = {
    "title": "Landlords report concerns",
    "what_changed": "Two landlords reported concerns.",
    "for_whom": "Private landlords",
    "when": "2026-05-01",
    "contribution": "Training session.",
    "evidence": "Referral log.",
    "confidence": "low",
}
_CASE_POST = {
    "title": "Back to work",
    "summary": "A man exploited on a farm now works for a fair employer.",
    "consent_confirmed": "on",
}


def _figure_post(side) -> dict:
    p = m.periods(side)
    m.referrals(side)
    return {"period": p["q1"].pk, "organisation": side.charity.pk, "value": "2"}


def _year_post(side) -> dict:
    return {"year_start": m.this_year_start(side).year + 1}


MATRIX = {
    "indicators:list": (Perm.VIEW, ("get",), None),
    "indicators:create": (Perm.EDIT_PLAN, ("get", "post"), lambda side: _INDICATOR_POST),
    "indicators:detail": (Perm.VIEW, ("get",), None),
    "indicators:edit": (
        Perm.EDIT_PLAN,
        ("get", "post"),
        lambda side: {**_INDICATOR_POST, "code": "REF-1", "is_active": "on"},
    ),
    "indicators:delete": (Perm.EDIT_PLAN, ("post",), None),
    "indicators:targets": (Perm.EDIT_PLAN, ("get", "post"), lambda side: {"target_plan": "40"}),
    "indicators:figure_enter": (Perm.ENTER_ANY_FIGURES, ("get", "post"), _figure_post),
    "indicators:figure_correct": (
        Perm.MANAGE_PERIODS,
        ("get", "post"),
        lambda side: {"value": "5", "reason": "One referral was entered late."},
    ),
    "indicators:evidence_download": (Perm.VIEW, ("get",), None),
    "indicators:library": (Perm.VIEW, ("get",), None),
    "indicators:library_adopt": (Perm.EDIT_PLAN, ("post",), lambda side: {"codes": ["O1-03", "O6-01"]}),
    "indicators:periods": (Perm.VIEW, ("get",), None),
    "indicators:period_add_year": (Perm.MANAGE_PERIODS, ("post",), _year_post),
    "indicators:period_open": (Perm.MANAGE_PERIODS, ("post",), None),
    "indicators:period_lock": (Perm.MANAGE_PERIODS, ("post",), None),
    "indicators:settings": (Perm.EDIT_PLAN, ("post",), lambda side: {"tolerance_percent": "15"}),
    "indicators:results": (Perm.VIEW, ("get",), None),
    "indicators:dashboard": (Perm.VIEW, ("get",), None),
    "indicators:import_indicators": (Perm.EDIT_PLAN, ("get", "post"), None),
    "indicators:import_targets": (Perm.EDIT_PLAN, ("get", "post"), None),
    "indicators:import_figures": (Perm.ENTER_ANY_FIGURES, ("get", "post"), None),
    **{
        f"indicators:{a}_{k}": (Perm.VIEW, ("get",), None)
        for a in ("export", "template")
        for k in ("indicators", "targets", "figures")
    },
    "indicators:evidence": (Perm.VIEW, ("get",), None),
    "indicators:outcome_create": (Perm.EDIT_PLAN, ("get", "post"), lambda side: _OUTCOME_POST),
    "indicators:outcome_edit": (Perm.EDIT_PLAN, ("get", "post"), lambda side: _OUTCOME_POST),
    "indicators:case_create": (Perm.EDIT_PLAN, ("get", "post"), lambda side: _CASE_POST),
    "indicators:case_edit": (Perm.EDIT_PLAN, ("get", "post"), lambda side: _CASE_POST),
}
