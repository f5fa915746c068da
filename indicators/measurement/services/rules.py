"""Validation rules: make, change and delete them; adopt the library's suggested rules.

A rule names indicators of its own partnership only, never the same indicator on both sides. How
a rule is judged is in ``indicators.measurement.validation_rules``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships import audit
from partnerships.models import Partnership

from ... import library_rules
from ...models import Indicator, RuleKind, RuleOperator, Unit, ValidationRule

EDITABLE = ("name", "kind", "operator", "severity", "description", "is_active")


def _codes(indicators) -> list[str]:
    return sorted(i.code for i in indicators)


def _check(partnership: Partnership, values: dict, left: list, right: list) -> None:
    errors: dict[str, list[str]] = {}
    if not (values.get("name") or "").strip():
        errors.setdefault("name", []).append("Give the rule a name, such as “Individuals convicted ≤ convictions”.")
    for side, indicators in (("left", left), ("right", right)):
        for indicator in indicators:
            if not isinstance(indicator, Indicator) or indicator.partnership_id != partnership.pk:
                errors.setdefault(side, []).append(
                    f"{getattr(indicator, 'code', indicator)} is not one of this partnership's indicators: "
                    "choose from this partnership's indicators."
                )
            elif indicator.unit == Unit.TEXT:
                errors.setdefault(side, []).append(
                    f"{indicator.code} is a text (qualitative) indicator: it has no number to compare."
                )
    kind = values.get("kind") or RuleKind.COMPARE
    if not left:
        errors.setdefault("left", []).append("Choose at least one indicator for the left-hand side.")
    if kind == RuleKind.COMPARE:
        if not right:
            errors.setdefault("right", []).append("Choose at least one indicator for the right-hand side.")
        both = {i.pk for i in left} & {i.pk for i in right}
        if both:
            codes = ", ".join(sorted(i.code for i in left if i.pk in both))
            errors.setdefault("right", []).append(
                f"{codes} is on both sides: a rule compares an indicator with different ones."
            )
    elif kind == RuleKind.SPLIT_TOTAL:
        if len(left) > 1:
            errors.setdefault("left", []).append("A “split adds up to the total” rule names one indicator.")
        elif left and not left[0].disaggregation:
            errors.setdefault("left", []).append(f"{left[0].code} is not split, so it has no parts to add up.")
        if right:
            errors.setdefault("right", []).append(
                "A “split adds up to the total” rule has no right-hand side: leave it empty."
            )
    if errors:
        raise ValidationError(errors)


def _normalise(values: dict) -> dict:
    if values.get("kind") == RuleKind.SPLIT_TOTAL:
        values["operator"] = RuleOperator.EQ
    return values


def _sides_changed(actor, rule, before: tuple[list, list], left, right) -> None:
    after = (_codes(left), _codes(right))
    if before != after:
        rule.left.set(left)
        rule.right.set(right)
        audit.record(
            actor=actor,
            partnership=rule.partnership,
            action="validationrule.sides",
            obj=rule,
            changes={"left": [before[0] or None, after[0]], "right": [before[1] or None, after[1]]},
        )


def rule_create(*, actor, partnership: Partnership, left, right=(), **values) -> ValidationRule:
    """Make a rule: ``left`` and ``right`` are lists of this partnership's indicators (summed)."""
    unknown = set(values) - set(EDITABLE) - {"library_code"}
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    left, right = list(left or []), list(right or [])
    values = _normalise({"kind": RuleKind.COMPARE, **values})
    _check(partnership, values, left, right)
    with transaction.atomic():
        rule = audit.create(actor=actor, obj=ValidationRule(partnership=partnership, **values))
        _sides_changed(actor, rule, ([], []), left, right)
    return rule


def rule_update(*, actor, rule: ValidationRule, left=None, right=None, **values) -> ValidationRule:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    before = (_codes(rule.left.all()), _codes(rule.right.all()))
    left = list(rule.left.all()) if left is None else list(left)
    right = list(rule.right.all()) if right is None else list(right)
    merged = _normalise({name: getattr(rule, name) for name in EDITABLE} | values)
    _check(rule.partnership, merged, left, right)
    if merged.get("kind") == RuleKind.SPLIT_TOTAL:
        values["operator"] = RuleOperator.EQ
    with transaction.atomic():
        audit.update(actor=actor, obj=rule, values=values)
        _sides_changed(actor, rule, before, left, right)
    return rule


def rule_delete(*, actor, rule: ValidationRule) -> None:
    audit.delete(actor=actor, obj=rule)


def library_rules_adopt(*, actor, partnership: Partnership, only_for=None) -> list[ValidationRule]:
    """Add the library's suggested rules whose indicators the partnership has all adopted (found by
    their library code), skipping those already added. With ``only_for`` (library codes just
    adopted), only rules naming one of them: a suggested rule the coordinator deleted comes back
    only through the rules page's button."""
    adopted: dict[str, Indicator] = {}
    for indicator in Indicator.objects.filter(partnership=partnership, is_active=True).exclude(library_code=""):
        adopted.setdefault(indicator.library_code, indicator)
    have = set(
        ValidationRule.objects.filter(partnership=partnership)
        .exclude(library_code="")
        .values_list("library_code", flat=True)
    )
    made = []
    with transaction.atomic():
        for item in library_rules.LIBRARY_RULES:
            codes = item["left"] + item["right"]
            if item["code"] in have or not all(c in adopted for c in codes):
                continue
            if only_for is not None and not set(codes) & set(only_for):
                continue
            made.append(
                rule_create(
                    actor=actor,
                    partnership=partnership,
                    left=[adopted[c] for c in item["left"]],
                    right=[adopted[c] for c in item["right"]],
                    name=item["name"],
                    operator=item["operator"],
                    severity=item["severity"],
                    description=item["description"],
                    library_code=item["code"],
                )
            )
    return made


__all__ = ["library_rules_adopt", "rule_create", "rule_delete", "rule_update"]
