"""Qualitative evidence: outcome-harvesting entries and case studies, kept free of personal identifiers."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from aspm.fields import refuse_too_long
from partnerships import audit
from partnerships.access import check_same_partnership

from ...models import CaseStudy, OutcomeHarvest

# Obvious personal identifiers. Names cannot be spotted reliably; the form reminds people instead.
IDENTIFIER_PATTERNS = {
    # A match may start only where a run of address characters starts: searching from every position
    # inside a long run, each scanning to its end for an "@", took quadratic time (8 s on 60,000 characters).
    "an email address": re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"),
    "a phone number": re.compile(r"(?<!\d)(?:\+44\s?|0)(?:\d\s?){9,10}(?!\d)"),
    "a National Insurance number": re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I),
    "a postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I),
    "a date of birth": re.compile(r"\b(?:born|d\.?o\.?b\.?|date of birth)\b", re.I),
    "an NHS number": re.compile(r"(?<!\d)\d{3}\s?\d{3}\s?\d{4}(?!\d)"),
}


def identifiers_in(text: str) -> list[str]:
    return [label for label, pattern in IDENTIFIER_PATTERNS.items() if pattern.search(text or "")]


def _refuse_identifiers(model, values: dict, fields: tuple[str, ...]) -> None:
    refuse_too_long(model, values)
    errors = {}
    for name in fields:
        found = identifiers_in(values.get(name, ""))
        if found:
            errors[name] = (
                f"This looks like it contains {', '.join(found)}. Remove anything that could identify a person."
            )
    if errors:
        raise ValidationError(errors)


def _links(partnership, values: dict) -> None:
    check_same_partnership(partnership, [values.get("objective"), values.get("chain_entry")])
    entry, objective = values.get("chain_entry"), values.get("objective")
    if entry is not None and objective is not None and entry.objective_id != objective.pk:
        raise ValidationError({"chain_entry": "This results-chain entry belongs to another objective."})


OUTCOME_FIELDS = ("what_changed", "for_whom", "contribution", "evidence", "title")
CASE_FIELDS = ("title", "summary", "what_helped")


def outcome_harvest_create(*, actor, partnership, **values) -> OutcomeHarvest:
    _refuse_identifiers(OutcomeHarvest, values, OUTCOME_FIELDS)
    _links(partnership, values)
    recorder = actor if getattr(actor, "is_authenticated", False) else None
    return audit.create(actor=actor, obj=OutcomeHarvest(partnership=partnership, recorded_by=recorder, **values))


def outcome_harvest_update(*, actor, entry: OutcomeHarvest, **values) -> OutcomeHarvest:
    _refuse_identifiers(OutcomeHarvest, values, OUTCOME_FIELDS)
    _links(entry.partnership, values)
    return audit.update(actor=actor, obj=entry, values=values)


def _consent(values: dict) -> None:
    if not values.get("consent_confirmed"):
        raise ValidationError(
            {"consent_confirmed": "A case study is kept only when the person has given informed consent."}
        )


def case_study_create(*, actor, partnership, **values) -> CaseStudy:
    _consent(values)
    _refuse_identifiers(CaseStudy, values, CASE_FIELDS)
    _links(partnership, values)
    recorder = actor if getattr(actor, "is_authenticated", False) else None
    return audit.create(actor=actor, obj=CaseStudy(partnership=partnership, recorded_by=recorder, **values))


def case_study_update(*, actor, case: CaseStudy, **values) -> CaseStudy:
    _consent({"consent_confirmed": values.get("consent_confirmed", case.consent_confirmed)})
    _refuse_identifiers(CaseStudy, values, CASE_FIELDS)
    _links(case.partnership, values)
    return audit.update(actor=actor, obj=case, values=values)
