"""The project's import graph: modules, import cycles and upward imports.

    python bench/import_graph.py          # counts
    python bench/import_graph.py --list   # and every cycle / upward import

Reads the source with ``ast`` (nothing is imported). A module-level import is one at the top of a
module (including inside ``if TYPE_CHECKING:`` blocks, which are left out: they never run); a
function-level import is one inside a function or method. A *module-level cycle* is a cycle of
module-level imports; a *function-level cycle* is a cycle that needs at least one function-level
import (a cycle hidden behind a deferred import). An *upward import* is the tenant core
(``partnerships``, ``aspm`` but not its composing layers: the API, URLs, settings, Celery app)
importing from a feature app (``indicators``, ``actionplans``,
``reports``), at any level. Strings naming modules (hooks, registries) are not imports: that is the
point of the registries.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("aspm", "partnerships", "indicators", "actionplans", "reports", "control")
CORE = ("partnerships", "aspm")
# Layers of aspm that sit above every app by design (they compose them), so not the tenant core:
# the API, the URL map, the settings and the Celery app.
COMPOSITION = ("aspm.api", "aspm.urls", "aspm.settings", "aspm.celery")
FEATURES = ("indicators", "actionplans", "reports")
SKIP_PARTS = {"migrations", "__pycache__"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if SKIP_PARTS & set(path.relative_to(ROOT).parts):
                continue
            modules[module_name(path)] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(name: str, is_package: bool, node: ast.ImportFrom | ast.Import, modules: dict) -> list[str]:
    """The project modules an import statement names (a ``from x import y`` of a submodule names it)."""
    found = []
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            parts = name.split(".")
            if not is_package:
                parts = parts[:-1]
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join([*parts, base] if base else parts)
        targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
    for target in targets:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.append(target)
    return found


def edges(modules: dict[str, Path]) -> tuple[set, set]:
    """(module-level edges, function-level edges) as (importer, imported) pairs."""
    top, inner = set(), set()
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(), filename=str(path))

        def visit(node, in_function: bool, name=name, is_package=is_package) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.If) and _is_type_checking(child):
                    for sub in child.orelse:
                        visit(sub, in_function)
                    continue
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    for target in _resolve(name, is_package, child, modules):
                        (inner if in_function else top).add((name, target))
                visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

        visit(tree, False)
    # importing a.b.c runs a/__init__ and a/b/__init__ too, but those carry no edge back: leave them
    return top, inner - top


def cycles(nodes, edge_set) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    graph: dict[str, set] = {n: set() for n in nodes}
    for a, b in edge_set:
        graph[a].add(b)
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return sorted(found)


def _is_ancestor_edge(a: str, b: str) -> bool:
    # a package's __init__ importing its own submodule (or the other way) is not a dependency cycle
    return a.startswith(b + ".") or b.startswith(a + ".")


def is_core(name: str) -> bool:
    return name.split(".")[0] in CORE and not any(name == c or name.startswith(c + ".") for c in COMPOSITION)


def analyse() -> dict:
    modules = project_modules()
    top, inner = edges(modules)
    top = {(a, b) for a, b in top if not _is_ancestor_edge(a, b)}
    inner = {(a, b) for a, b in inner if not _is_ancestor_edge(a, b)}
    module_cycles = cycles(modules, top)
    all_cycles = cycles(modules, top | inner)
    module_sets = [set(c) for c in module_cycles]
    function_cycles = [c for c in all_cycles if not any(set(c) <= s for s in module_sets)]
    upward = sorted((a, b) for a, b in top | inner if is_core(a) and b.split(".")[0] in FEATURES)
    return {
        "modules": len(modules),
        "module_cycles": module_cycles,
        "function_cycles": function_cycles,
        "upward": upward,
        "edges": (top, inner),
    }


def main(argv: list[str]) -> int:
    result = analyse()
    print(f"modules: {result['modules']}")
    print(f"module-level import cycles: {len(result['module_cycles'])}")
    print(f"function-level import cycles: {len(result['function_cycles'])}")
    print(f"upward imports (tenant core -> feature apps): {len(result['upward'])}")
    if "--list" in argv:
        top, inner = result["edges"]
        for title, found in (("module-level", result["module_cycles"]), ("function-level", result["function_cycles"])):
            for cycle in found:
                print(f"\n{title} cycle: {', '.join(cycle)}")
                members = set(cycle)
                for a, b in sorted(top | inner):
                    if a in members and b in members:
                        print(f"    {a} -> {b}{'' if (a, b) in top else '  (in a function)'}")
        if result["upward"]:
            print("\nupward imports:")
            for a, b in result["upward"]:
                print(f"    {a} -> {b}{'' if (a, b) in top else '  (in a function)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
