"""Every write is findable in one guess: it lives in a ``services`` module (``<app>/services.py`` or a
``services/`` package). The scan reads the source (no import) and finds ORM writes — ``.save()``,
``.delete()``, ``.create()``/``.update()``/``get_or_create()``/``update_or_create()`` on a manager or
queryset, ``bulk_create``/``bulk_update``, and the audited ``audit.create/update/delete/record*`` —
anywhere else. The few modules allowed to write elsewhere are listed below, each with its reason."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("aspm", "partnerships", "actionplans", "indicators", "reports")

QUERYSET_WRITES = {"create", "update", "delete", "get_or_create", "update_or_create"}
QUERYSET_LINKS = {"objects", "filter", "exclude", "all", "select_for_update", "using"}
AUDIT_WRITES = {"create", "update", "delete", "record", "record_many"}

ALLOWED = {
    "partnerships/audit.py": "the audited write itself: full_clean, save and the audit event in one transaction",
    "partnerships/models.py": "UserManager.create_user, Django's contract for createsuperuser; services call it",
    "actionplans/demo.py": "the county-sized demo seeds thousands of actions in bulk, audited once (action.bulk_seed)",
    "reports/returns/demo.py": "the demo back-dates its returns' timestamps, which no service may do",
}


def _receivers(node: ast.AST) -> list[str]:
    """The names a call is made on, innermost first: ``A.objects.filter(x).update`` -> filter, objects, A."""
    names = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            return [*names, node.id]
        else:
            return names


def is_write(call: ast.Call) -> bool:
    if not isinstance(call.func, ast.Attribute):
        return False
    method, on = call.func.attr, _receivers(call.func.value)
    if method in ("bulk_create", "bulk_update"):
        return True
    if on == ["audit"]:
        return method in AUDIT_WRITES
    if method in QUERYSET_WRITES and QUERYSET_LINKS & set(on):
        return True
    file_storage = any("storage" in name for name in on)  # files, not rows
    return method in ("save", "delete") and not call.args and bool(on) and not file_storage


def writes_in(source: str) -> list[tuple[int, str]]:
    return [
        (node.lineno, ast.unparse(node)[:80])
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and is_write(node)
    ]


def _in_services(relative: str) -> bool:
    parts = relative.split("/")
    return "services" in parts or parts[-1] == "services.py" or "migrations" in parts


def writes_outside_services() -> dict[str, list[tuple[int, str]]]:
    found = {}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if not _in_services(relative) and (writes := writes_in(path.read_text())):
                found[relative] = writes
    return found


def _allowed(relative: str) -> bool:
    prefixes = [entry for entry in ALLOWED if entry.endswith("benchmarking")]
    return relative in ALLOWED or relative.startswith(tuple(prefixes))


def test_every_write_outside_the_allow_list_is_in_a_services_module():
    stray = {path: writes for path, writes in writes_outside_services().items() if not _allowed(path)}
    assert stray == {}, "Move these writes into the app's services module (or package):\n" + "\n".join(
        f"  {path}:{line}: {code}" for path, writes in stray.items() for line, code in writes
    )


def test_every_entry_of_the_allow_list_still_writes():
    found = writes_outside_services()
    stale = [entry for entry in ALLOWED if not any(path == entry or path.startswith(entry) for path in found)]
    assert stale == [], f"These modules no longer write: take them off the allow-list: {stale}"


def test_the_scan_finds_each_kind_of_write_and_ignores_reads_dicts_and_files():
    source = """
def view(request, Thing, row, audit, default_storage, counts):
    Thing.objects.create(name="x")
    Thing.objects.filter(pk=1).update(name="y")
    Thing.objects.select_for_update().get_or_create(name="z")
    Thing.objects.bulk_create([])
    row.save()
    row.save(update_fields=["name"])
    row.delete()
    audit.update(actor=None, obj=row, values={})
    audit.record_many(actor=None, partnership=None, events=[])
    counts.update({"a": 1})
    Thing.objects.filter(pk=1).first()
    default_storage.save("name", b"")
    default_storage.delete("name")
    row.field_file.storage.delete("name")
"""
    assert [line for line, _ in writes_in(source)] == [3, 4, 5, 6, 7, 8, 9, 10, 11]
