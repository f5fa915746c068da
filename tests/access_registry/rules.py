"""Access facts for the validation rules' URLs (namespace "indicators"); see access_registry/__init__.py."""

from __future__ import annotations

from partnerships.access import Perm

from .. import rules_helpers as r


def _rule(side) -> dict:
    return {"pk": r.convicted_rule(side).pk}


def _rule_post(side) -> dict:
    return {
        "name": "Individuals convicted ≤ convictions",
        "kind": "compare",
        "left": [r.convicted(side).pk],
        "operator": "le",
        "right": [r.convictions(side).pk],
        "severity": "warning",
        "is_active": "on",
    }


OBJECT_KWARGS = {
    "api:validation-rule-detail": _rule,
    "indicators:rule_edit": _rule,
    "indicators:rule_delete": _rule,
}

MATRIX = {
    "indicators:rules": (Perm.VIEW, ("get",), None),
    "indicators:rule_report": (Perm.VIEW, ("get",), None),
    "indicators:rule_create": (Perm.EDIT_PLAN, ("get", "post"), _rule_post),
    "indicators:rule_edit": (Perm.EDIT_PLAN, ("get", "post"), _rule_post),
    "indicators:rule_delete": (Perm.EDIT_PLAN, ("post",), None),
    "indicators:rules_suggested": (Perm.EDIT_PLAN, ("post",), None),
}

_READ = {"get": (Perm.VIEW, None)}

API_MATRIX = {
    "api:validation-rule-list": _READ,
    "api:validation-rule-detail": _READ,
}
