"""The audit log in words: "Return approved" rather than ``return.approve``, field names as the
forms call them, dates in full, Yes and No, and changes from blank to blank left out. The log itself
keeps the raw values; this is only how the page shows them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.dateformat import format as date_format

from .models import AuditEvent

VERBS = {
    "create": "added",
    "update": "changed",
    "archive": "archived",
    "delete": "deleted",
    "approve": "approved",
    "submit": "submitted",
    "send_back": "returned for changes",
    "open": "opened",
    "close": "closed",
    "lock": "locked",
    "revoke": "revoked",
    "replace": "replaced",
    "accept": "accepted",
    "correct": "corrected",
    "retry": "retried",
    "remove": "removed",
    "save": "saved",
    "answer": "answered",
    "status": "status changed",
    "overdue": "became overdue",
    "figures": "figures saved",
    "action_updates": "action updates saved",
    "action_updates_apply": "action updates applied",
    "prepare": "rows to fill in prepared",
    "bulk_record": "figures recorded in bulk",
    "bulk_seed": "added in bulk",
    "reporters": "reporting organisations changed",
    "attendance": "attendance recorded",
    "change_role": "role changed",
    "confirm_specific": "marked as specific",
    "link_objectives": "objectives linked",
    "links": "links changed",
    "invite": "invitation sent",  # peer review of a self-assessment round
    "withdraw": "invitation withdrawn",
    "feedback": "feedback given",
    "viewed": "read by the reviewer",
}
HIDDEN_FIELDS = {"version"}  # the optimistic-locking counter: bookkeeping, not a change anyone made
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID_SUFFIX = re.compile(r" \(#\d+\)$")


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditRow:
    event: AuditEvent
    what: str
    kind: str
    changes: list[Change]


@cache
def _model(object_type: str):
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


@cache
def kind_label(object_type: str) -> str:
    """``reports.return`` -> "Return"; ``indicators.assumptionreview`` -> "Assumption review"."""
    model = _model(object_type)
    name = str(model._meta.verbose_name) if model else object_type.rsplit(".", 1)[-1].replace("_", " ")
    return name[:1].upper() + name[1:]


@cache
def _type_of(model_name: str) -> str:
    """``surveyround`` -> ``partnerships.surveyround`` (the model an action's first word names)."""
    for model in apps.get_models():
        if model._meta.model_name == model_name:
            return model._meta.label_lower
    return ""


def action_label(action: str, object_type: str = "") -> str:
    """``return.approve`` -> "Return approved"."""
    noun, _, verb = action.partition(".")
    object_type = object_type or _type_of(noun)
    subject = kind_label(object_type) if object_type else noun.replace("_", " ").capitalize()
    return f"{subject} {VERBS.get(verb, verb.replace('_', ' '))}".strip()


@cache
def field_label(object_type: str, field: str) -> str:
    model = _model(object_type)
    try:
        label = str(model._meta.get_field(field).verbose_name) if model else ""
    except FieldDoesNotExist:
        label = ""
    label = label or field.replace("_", " ")
    return label[:1].upper() + label[1:]


def value_text(value) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {value_text(v)}" for k, v in value.items())
    text = str(value)
    if _ISO_DATETIME.match(text):
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return date_format(moment, "j F Y, H:i")
    if _ISO_DATE.match(text):
        try:
            return date_format(date.fromisoformat(text), "j F Y")
        except ValueError:
            return text
    return _ID_SUFFIX.sub("", text)


def present(event: AuditEvent) -> AuditRow:
    changes = []
    for field, pair in (event.changes or {}).items():
        if field in HIDDEN_FIELDS:
            continue
        before, after = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        shown = Change(field_label(event.object_type, field), value_text(before), value_text(after))
        if shown.before == shown.after == "—":
            continue  # blank to blank says nothing
        changes.append(shown)
    return AuditRow(
        event=event,
        what=action_label(event.action, event.object_type),
        kind=kind_label(event.object_type) if event.object_type else "",
        changes=changes,
    )
