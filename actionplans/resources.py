"""Spreadsheet export and import of the action plan (django-import-export + tablib).

Export: one row per action with readable references (objective code, organisation name...),
every cell neutralised against formula injection (:class:`aspm.spreadsheets.SafeExportMixin`).

Import: the same columns. Every row is checked and written *through the services* inside one
transaction; if any row is bad, or on the dry run, the transaction is rolled back — so nothing is
written unless every row is valid, and the person sees every bad row with its reasons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from import_export import fields, resources

from aspm.imports import values as typed_values
from aspm.spreadsheets import SafeExportMixin
from indicators.models import Indicator, Objective, Priority, Strand
from partnerships.access import scoped
from partnerships.models import Organisation, Partnership, SubGroup, User

from . import services
from .models import Action, RagStatus

HEADERS = ["id", "title", "objective", "strand", "subgroup", "owner_organisation", "owner_email",
           "start_date", "due_date", "output", "indicator", "priority", "status", "note"]  # fmt: skip


class ActionResource(SafeExportMixin, resources.ModelResource):
    objective = fields.Field(attribute="objective__code", column_name="objective")
    strand = fields.Field(attribute="strand__code", column_name="strand")
    subgroup = fields.Field(attribute="subgroup__name", column_name="subgroup")
    owner_organisation = fields.Field(attribute="owner_organisation__name", column_name="owner_organisation")
    owner_email = fields.Field(attribute="owner_person__user__email", column_name="owner_email")
    indicator = fields.Field(attribute="indicator__code", column_name="indicator")
    note = fields.Field(column_name="note")

    class Meta:
        model = Action
        fields = HEADERS
        export_order = HEADERS

    def dehydrate_note(self, action: Action) -> str:
        return ""


def export_dataset(queryset) -> tablib.Dataset:
    queryset = queryset.select_related(
        "objective", "strand", "subgroup", "owner_organisation", "owner_person__user", "indicator"
    )
    return ActionResource().export(queryset)


@dataclass
class ImportResult:
    rows: list[dict] = field(default_factory=list)  # {"line", "title", "verb", "errors"}
    written: bool = False

    @property
    def errors(self) -> list[dict]:
        return [r for r in self.rows if r["errors"]]


class _Rollback(Exception):
    pass


def _date(value, name: str) -> dt.date | None:
    try:
        return typed_values.date(value)
    except ValueError as error:
        raise ValidationError({name: str(error)}) from None


class _Lookups:
    """Everything a row may name, loaded once (a constant number of queries for any file)."""

    def __init__(self, partnership: Partnership):
        self.objectives = {o.code.lower(): o for o in scoped(partnership, Objective).select_related("strand")}
        strands = list(scoped(partnership, Strand))
        self.strands = {**{s.name.lower(): s for s in strands}, **{s.code.lower(): s for s in strands}}
        self.subgroups = {s.name.lower(): s for s in scoped(partnership, SubGroup)}
        self.organisations = {o.name.lower(): o for o in scoped(partnership, Organisation)}
        self.indicators = {i.code.lower(): i for i in scoped(partnership, Indicator)}
        from partnerships.models import Membership

        self.people = {m.user.email.lower(): m for m in scoped(partnership, Membership).select_related("user")}
        self.actions = {a.pk: a for a in scoped(partnership, Action)}

    def find(self, table: dict, value, name: str, label: str):
        if value in (None, ""):
            return None
        key = str(value).strip().lower()
        if key not in table:
            raise ValidationError({name: f"No {label} “{str(value).strip()}” in this partnership."})
        return table[key]


def _row_values(row: dict, look: _Lookups) -> dict:
    errors: dict[str, list[str]] = {}
    values: dict = {}

    def attempt(name, fn):
        try:
            values[name] = fn()
        except ValidationError as e:
            for k, msgs in e.message_dict.items():
                errors.setdefault(k, []).extend(msgs)

    attempt("title", lambda: str(row.get("title") or "").strip())
    attempt("objective", lambda: look.find(look.objectives, row.get("objective"), "objective", "objective"))
    attempt("strand", lambda: look.find(look.strands, row.get("strand"), "strand", "strand"))
    attempt("subgroup", lambda: look.find(look.subgroups, row.get("subgroup"), "subgroup", "sub-group"))
    attempt(
        "owner_organisation",
        lambda: look.find(look.organisations, row.get("owner_organisation"), "owner_organisation", "organisation"),
    )
    attempt("owner_person", lambda: look.find(look.people, row.get("owner_email"), "owner_email", "member"))
    attempt("start_date", lambda: _date(row.get("start_date"), "start_date"))
    attempt("due_date", lambda: _date(row.get("due_date"), "due_date"))
    attempt("output", lambda: str(row.get("output") or "").strip())
    attempt("indicator", lambda: look.find(look.indicators, row.get("indicator"), "indicator", "indicator"))
    priority = str(row.get("priority") or "medium").strip().lower()
    if priority not in Priority.values:
        errors.setdefault("priority", []).append(f"“{priority}” is not a priority: use high, medium or low.")
    values["priority"] = priority
    if not values.get("title"):
        errors.setdefault("title", []).append("Say what will be done.")
    if errors:
        raise ValidationError(errors)
    return values


def _label(key: str) -> str:
    return {"__all__": "Row", "owner_email": "owner_email"}.get(key, key)


def import_actions(
    *, actor: User, partnership: Partnership, dataset: tablib.Dataset, dry_run: bool, lines: list[int] | None = None
) -> ImportResult:
    """Check (and unless ``dry_run``, write) every row; all rows or none.

    ``lines`` are the rows' line numbers in the uploaded sheet (blank rows are not in ``dataset``).
    """
    result = ImportResult()
    missing = [h for h in ("title", "owner_organisation", "due_date") if h not in (dataset.headers or [])]
    if missing:
        result.rows.append(
            {"line": 1, "title": "", "verb": "", "errors": [f"Missing column(s): {', '.join(missing)}."]}
        )
        return result
    look = _Lookups(partnership)
    try:
        with transaction.atomic():
            numbers = lines if lines is not None else range(2, len(dataset) + 2)
            for line, row in zip(numbers, dataset.dict, strict=True):
                outcome = {"line": line, "title": str(row.get("title") or ""), "verb": "", "errors": []}
                result.rows.append(outcome)
                try:
                    _import_row(actor, partnership, row, look, outcome)
                except ValidationError as error:
                    messages = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
                    outcome["errors"] = [f"{_label(k)}: {m}" for k, ms in messages.items() for m in ms]
            if dry_run or result.errors:
                raise _Rollback
    except _Rollback:
        return result
    result.written = True
    return result


def _import_row(actor, partnership, row: dict, look: _Lookups, outcome: dict) -> None:
    values = _row_values(row, look)
    status = str(row.get("status") or "").strip().lower()
    note = str(row.get("note") or "").strip()
    raw_id = str(row.get("id") or "").strip()
    with transaction.atomic():
        if raw_id:
            action = look.actions.get(int(raw_id)) if raw_id.isdigit() else None
            if action is None:
                raise ValidationError({"id": f"No action with id {raw_id} in this plan. Leave id empty to add one."})
            services.action_update(actor=actor, action=action, **values)
            outcome["verb"] = "update"
            if status and status != action.status:
                services.action_set_status(actor=actor, action=action, status=status, note=note)
        else:
            services.action_create(
                actor=actor, partnership=partnership, status=status or RagStatus.GREEN, note=note, **values
            )
            outcome["verb"] = "add"
