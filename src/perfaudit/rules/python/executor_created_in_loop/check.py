"""Pool created per iteration, or in a function the same file calls from inside a loop."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node


def _called_in_loop(root: Node, name: str) -> bool:
    for pattern in (f"{name}($$$)", f"self.{name}($$$)", f"cls.{name}($$$)"):
        for call in root.find_all(pattern=pattern):
            if py.iteration_loops(call):
                return True
    return False


def _created_lazily(node: Node) -> bool:
    """``if pool is None: pool = Executor(...)``: created on the first iteration only."""
    parent = node.parent()
    target = parent.field("left") if parent is not None and parent.kind() == "assignment" else None
    if target is None:
        return False
    for ancestor in node.ancestors():
        cond = ancestor.field("condition") if ancestor.kind() == "if_statement" else None
        if cond is not None and target.text() in cond.text():
            return True
        if ancestor.kind() in py.LOOP_KINDS:
            return False
    return False


def check(match: Match) -> bool:
    name = common.call_name(match.node)
    if name == "Pool" and not py.module_imports(match.root, "multiprocessing", "Pool"):
        return False
    if py.iteration_loops(match.node):
        return not _created_lazily(match.node)
    fn = py.function_of(match.node)
    label = fn.field("name") if fn is not None else None
    return label is not None and _called_in_loop(match.root, label.text())
