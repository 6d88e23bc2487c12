"""perfaudit's modules import one another without cycles, in-function imports included."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _modules() -> dict[str, Path]:
    found = {}
    for path in (SRC / "perfaudit").rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[:2] == ("perfaudit", "rules") and len(parts) > 3 and parts[2] in {"go", "python"}:
            continue  # rule folders hold examples and predicates loaded by path, not modules
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imported(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The perfaudit modules ``name`` imports, anywhere in the file (``TYPE_CHECKING`` too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                kept = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*kept, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                out.add(full if full in modules else base)
    return (out & modules.keys()) - {name}


def import_graph() -> dict[str, set[str]]:
    """Module -> the perfaudit modules it imports."""
    modules = _modules()
    return {name: _imported(name, path, modules) for name, path in modules.items()}


def test_the_import_graph_has_no_cycle() -> None:
    try:
        graphlib.TopologicalSorter(import_graph()).prepare()
    except graphlib.CycleError as exc:
        raise AssertionError(f"import cycle: {' -> '.join(exc.args[1])}") from None


def test_the_check_sees_a_cycle() -> None:
    graph = import_graph()
    assert "perfaudit.store.db" in graph["perfaudit.store.migrations"]  # it reads real imports
    graph["perfaudit.store.db"].add("perfaudit.store.migrations")
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError:
        return
    raise AssertionError("a planted cycle went unseen")
