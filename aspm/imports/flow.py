"""The one import page: upload → map columns and choose sheets → preview every row → import or cancel.

Each import (actions, indicators, targets, figures, the plan workbook, a table of objectives, partner
organisations, a quarterly return's figures) supplies an :class:`ImportKind`: its fields and a
``run(actor, partnership, rows, dry_run)`` that checks (and unless ``dry_run`` writes, all rows or none,
through its services). The view of each import keeps its own URL and permission and calls :func:`handle`.
The file stays in storage (:mod:`.stored`); the session holds only a small note.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from aspm.spreadsheets import SPREADSHEET_LABEL, check_spreadsheet_upload

from . import mapping as mapping_mod
from . import reading, stored
from .mapping import Field, MappedRow
from .models import ImportMapping
from .services import mapping_remember

PREVIEW_ROWS = 50


@dataclass(slots=True)
class PreviewRow:
    where: str
    label: str = ""
    verb: str = ""
    errors: list[str] = field(default_factory=list)
    fixes: list[tuple[str, str]] = field(default_factory=list)  # (link text, url)


@dataclass
class Outcome:
    rows: list[PreviewRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def bad_rows(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.errors]

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.bad_rows and bool(self.rows)


@dataclass(frozen=True)
class ImportKind:
    key: str  # "actions", "figures"... (also the remembered mapping's kind)
    noun: str  # "actions", "figures": used in messages
    fields: list[Field]
    run: Callable[..., Outcome]  # run(actor=, partnership=, rows=list[MappedRow], dry_run=) -> Outcome
    done_url: Callable[[object], str]  # where to go after a successful import, given the partnership
    template: str = "imports/import.html"
    extra_context: Callable[[object], dict] = lambda partnership: {}
    # For a kind made per object (a return's figures): that object's pk, so that two of them have one
    # upload each in the session. run, done_url and extra_context then close over the object.
    scope: str = ""
    # What to tell the user once the rows are in, after "Imported N rows of ..." (e.g. what to do next).
    done_note: str = ""


class UploadForm(forms.Form):
    file = forms.FileField(
        label=SPREADSHEET_LABEL,
        help_text="Your own columns are fine: the next step asks which column is which.",
    )


# Errors that name something missing from the partnership link to the page where it is added.
FIXES = (
    ("organisation", "Add an organisation", "partnerships:organisation_create"),
    ("sub-group", "Add a sub-group", "strategy:subgroup_create"),
    ("strand", "Add a strand", "strategy:strand_create"),
    ("period", "Add the financial year", "indicators:periods"),
)


def _fixes(partnership, errors: list[str]) -> list[tuple[str, str]]:
    found = []
    for text, label, name in FIXES:
        if any(text in e.lower() and ("no " in e.lower() or "unknown" in e.lower()) for e in errors):
            found.append((label, reverse(name, kwargs={"slug": partnership.slug})))
    return found


def prepare(rows: list[MappedRow], fields: list[Field]) -> dict[int, list[str]]:
    """Read each field's value in the forms people type (``Field.reader``); errors by row index."""
    readers = {f.name: f.reader for f in fields if f.reader}
    errors: dict[int, list[str]] = {}
    for i, row in enumerate(rows):
        for name, reader in readers.items():
            if name in row.data:
                try:
                    row.data[name] = reader(row.data[name])
                except ValueError as error:
                    errors.setdefault(i, []).append(f"{_label(fields, name)}: {error}")
    return errors


def _label(fields: list[Field], name: str) -> str:
    return next((f.label for f in fields if f.name == name), name)


def _session_key(partnership, kind: ImportKind) -> str:
    return f"import:{partnership.pk}:{kind.key}" + (f":{kind.scope}" if kind.scope else "")


@dataclass
class _State:
    sheets: list[reading.Sheet]
    chosen: list[str]
    columns: dict[str, str]
    fixed: dict[str, str] = field(default_factory=dict)  # values typed once for every row

    @property
    def headers(self) -> list[str]:
        seen: dict[str, None] = {}
        for sheet in self.sheets:
            if sheet.name in self.chosen:
                seen.update((h, None) for h in sheet.headers if h)
        return list(seen)


def _read(content: bytes, kind: ImportKind) -> list[reading.Sheet]:
    return reading.read_sheets(content, score=mapping_mod.score_for(kind.fields))


def _check(request, kind: ImportKind, state: _State) -> tuple[Outcome | None, list[Field]]:
    chosen = [s for s in state.sheets if s.name in state.chosen]
    missing = mapping_mod.missing(state.columns, kind.fields, state.fixed)
    if not chosen or missing:
        return None, missing
    rows = mapping_mod.apply(chosen, state.columns, state.fixed)
    for sheet in state.sheets:
        sheet.keep_samples_only()  # the rows are in ``rows`` now: 100,000 rows are not held twice
    if not rows:
        return Outcome(file_errors=["The chosen sheets have no rows under their headers."]), []
    bad = prepare(rows, kind.fields)
    outcome = kind.run(actor=request.user, partnership=request.partnership, rows=rows, dry_run=True)
    _merge(outcome, rows, bad, request.partnership)
    return outcome, []


def _merge(outcome: Outcome, rows: list[MappedRow], bad: dict[int, list[str]], partnership) -> None:
    """Reading errors join the writer's, and every bad row gets its links to fix what is missing."""
    for i, errors in bad.items():
        if i < len(outcome.rows):
            outcome.rows[i].errors[:0] = errors
    for row in outcome.rows:
        row.fixes = _fixes(partnership, row.errors)


def _render(request, kind, *, form, state=None, outcome=None, missing=(), token="", file_errors=()):
    fields = kind.fields
    chosen_sheets = [s for s in state.sheets if s.name in state.chosen] if state else []
    samples = {}
    for sheet in chosen_sheets:
        for i, header in enumerate(sheet.headers):
            if header and header not in samples:
                samples[header] = sheet.samples(i)
    context = {
        "kind": kind,
        "form": form,
        "token": token,
        "state": state,
        "sections": _sections(fields, state),
        "samples": samples,
        "missing": list(missing),
        "missing_names": ", ".join(sorted(f.name for f in missing)),
        "result": outcome,
        "preview": outcome.rows[:PREVIEW_ROWS] if outcome else [],
        "preview_limit": PREVIEW_ROWS,
        "skipped": [s for s in state.sheets if s.name not in state.chosen] if state else [],
        "file_errors": list(file_errors) + (outcome.file_errors if outcome else []),
        **kind.extra_context(request.partnership),
    }
    return render(request, kind.template, context)


def _sections(fields: list[Field], state: _State | None) -> list[dict]:
    """The mapping table's rows, the main fields first, then each section (open when one of its fields is mapped)."""
    sections: dict[str, dict] = {}
    for f in fields:
        chosen = state.columns.get(f.name, "") if state else ""
        fixed = state.fixed.get(f.name, "") if state else ""
        section = sections.setdefault(f.section, {"name": f.section, "rows": [], "open": not f.section})
        section["rows"].append((f, chosen, fixed))
        section["open"] = section["open"] or bool(chosen)
    for section in sections.values():
        helps = {f.help for f, _, _ in section["rows"]}
        section["help"] = helps.pop() if section["name"] and len(helps) == 1 else ""  # said once, above the table
        if section["name"]:
            section["rows"].sort(key=lambda row: not row[1])  # the columns found first
    return sorted(sections.values(), key=lambda s: bool(s["name"]))


def handle(request, kind: ImportKind):
    """The whole import page for one kind; the calling view has already checked the permission."""
    partnership, key = request.partnership, _session_key(request.partnership, kind)
    note = request.session.get(key)
    post = request.POST
    if request.method == "POST" and ("cancel" in post or "confirm" in post or "map" in post):
        if not note or not secrets.compare_digest(note.get("token", ""), post.get("token", "")):
            messages.error(request, "That check has expired: upload the file again.")
            return redirect(request.path)
        if "cancel" in post:
            stored.delete(note["path"])
            del request.session[key]
            messages.info(request, "Import cancelled: the uploaded file has been removed.")
            return redirect(request.path)
        content = stored.read(note["path"])
        if content is None:
            del request.session[key]
            messages.error(request, "That check has expired: upload the file again.")
            return redirect(request.path)
        sheets = _read(content, kind)
        if "map" in post:
            names = {s.name for s in sheets}
            note["sheets"] = [n for n in post.getlist("sheet") if n in names]
            headers = {h for s in sheets for h in s.headers if h}
            note["columns"] = {
                f.name: post.get(f"column-{f.name}") for f in kind.fields if post.get(f"column-{f.name}") in headers
            }
            note["fixed"] = {
                f.name: post.get(f"once-{f.name}", "").strip()[:200]
                for f in kind.fields
                if f.once and post.get(f"once-{f.name}", "").strip()
            }
            request.session[key] = note
            mapping_remember(actor=request.user, partnership=partnership, kind=kind.key, columns=note["columns"])
        state = _State(sheets=sheets, chosen=note["sheets"], columns=note["columns"], fixed=note.get("fixed", {}))
        if "confirm" in post:
            return _commit(request, kind, key, note, state)
        outcome, missing = _check(request, kind, state)
        return _render(
            request, kind, form=UploadForm(), state=state, outcome=outcome, missing=missing, token=note["token"]
        )
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return _upload(request, kind, key, form)
    return _render(request, kind, form=form)


def _upload(request, kind: ImportKind, key: str, form: UploadForm):
    upload = form.cleaned_data["file"]
    try:
        check_spreadsheet_upload(upload)
        upload.seek(0)
        content = upload.read()
        sheets = _read(content, kind)
    except ValidationError as error:
        form.add_error("file", error.messages)
        return _render(request, kind, form=form)
    except Exception:  # noqa: BLE001 - a damaged workbook: say so plainly
        form.add_error("file", "This file could not be read as a spreadsheet.")
        return _render(request, kind, form=form)
    old = request.session.get(key)
    if old:
        stored.delete(old["path"])
    saved = ImportMapping.objects.filter(partnership=request.partnership, kind=kind.key).first()
    chosen = [s.name for s in sheets if s.rows or len(sheets) == 1]
    headers = list(dict.fromkeys(h for s in sheets if s.name in chosen for h in s.headers if h))
    columns = mapping_mod.guess(headers, kind.fields, saved.columns if saved else None)
    token, path = stored.save(request.partnership, content)
    note = {"token": token, "path": path, "sheets": chosen, "columns": columns}
    request.session[key] = note
    state = _State(sheets=sheets, chosen=chosen, columns=columns)
    outcome, missing = _check(request, kind, state)
    return _render(request, kind, form=UploadForm(), state=state, outcome=outcome, missing=missing, token=token)


def _commit(request, kind: ImportKind, key: str, note: dict, state: _State):
    chosen = [s for s in state.sheets if s.name in state.chosen]
    if mapping_mod.missing(state.columns, kind.fields, state.fixed) or not chosen:
        messages.error(request, "Say which column is which before importing.")
        return redirect(request.path)
    rows = mapping_mod.apply(chosen, state.columns, state.fixed)
    for sheet in state.sheets:
        sheet.keep_samples_only()
    bad = prepare(rows, kind.fields)
    if bad:
        outcome = Outcome(rows=[PreviewRow(where=r.where) for r in rows])
        _merge(outcome, rows, bad, request.partnership)
    else:
        outcome = kind.run(actor=request.user, partnership=request.partnership, rows=rows, dry_run=False)
        _merge(outcome, rows, {}, request.partnership)
    if outcome.written:
        stored.delete(note["path"])
        del request.session[key]
        messages.success(request, f"Imported {len(outcome.rows)} rows of {kind.noun}. {kind.done_note}".strip())
        return redirect(kind.done_url(request.partnership))
    return _render(request, kind, form=UploadForm(), state=state, outcome=outcome, token=note["token"])
