"""The project's modules import each other without cycles, and the tenant core (partnerships, aspm)
imports nothing from the feature apps (bench/import_graph.py measures both)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from django.utils.module_loading import import_string

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("import_graph", ROOT / "bench" / "import_graph.py")
import_graph = importlib.util.module_from_spec(_spec)
sys.modules["import_graph"] = import_graph
_spec.loader.exec_module(import_graph)

# Known exceptions, each with its reason. Remove a line when its reason goes.
CYCLES_ALLOWED: list[list[str]] = []  # none left: add one here only with its reason
UPWARD_ALLOWED: list[tuple[str, str]] = []  # none left: the tenant core imports no feature app


def test_no_module_level_import_cycle():
    assert import_graph.analyse()["module_cycles"] == []


def test_no_function_level_import_cycle_beyond_the_listed_exceptions():
    assert [c for c in import_graph.analyse()["function_cycles"] if c not in CYCLES_ALLOWED] == []


def test_the_tenant_core_imports_no_feature_app_beyond_the_listed_exceptions():
    assert [u for u in import_graph.analyse()["upward"] if u not in UPWARD_ALLOWED] == []


def test_the_graph_finds_a_cycle_hidden_in_a_function(tmp_path, monkeypatch):
    package = tmp_path / "aspm"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "first.py").write_text("from aspm import second\n")
    (package / "second.py").write_text("def later():\n    from aspm.first import x\n")
    (package / "up.py").write_text("def later():\n    import reports.models\n")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "__init__.py").write_text("")
    (tmp_path / "reports" / "models.py").write_text("")
    monkeypatch.setattr(import_graph, "ROOT", tmp_path)
    found = import_graph.analyse()
    assert found["module_cycles"] == []
    assert found["function_cycles"] == [["aspm.first", "aspm.second"]]
    assert found["upward"] == [("aspm.up", "reports.models")]


def test_the_report_queue_names_the_render_task_by_its_path_and_its_celery_name():
    from reports.jobs.services.queue import RENDER_TASK

    assert import_string(RENDER_TASK).name == RENDER_TASK == "reports.tasks.render_annual_report"
