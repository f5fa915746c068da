"""The benchmarks in bench/ are run by hand, not by the suite, so a module they import can move
without a test noticing (bench/load.py once imported a tokens module that had moved and failed after
seeding for ten minutes). Every name each script imports from the project must still be there."""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("aspm", "partnerships", "indicators", "actionplans", "reports", "tests")
SCRIPTS = sorted((ROOT / "bench").glob("*.py"))


def project_imports(script: Path):
    """(module, name or None) for every import of the project's own code, at any depth."""
    for node in ast.walk(ast.parse(script.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in PROJECT:
                for alias in node.names:
                    yield node.module, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in PROJECT:
                    yield alias.name, None


def test_there_are_benchmarks_to_check():
    assert len(SCRIPTS) >= 5


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_name_a_benchmark_imports_from_the_project_exists(script):
    missing = []
    for module_name, name in project_imports(script):
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            missing.append(f"{module_name}: {error}")
            continue
        if name is not None and not hasattr(module, name):
            try:
                importlib.import_module(f"{module_name}.{name}")
            except ImportError:
                missing.append(f"{module_name}.{name}")
    assert not missing, f"{script.name} imports what is not there: {missing}"
