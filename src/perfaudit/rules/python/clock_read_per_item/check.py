"""The clock read is one side of a comparison whose other side uses the loop's item."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py

_ORDERING = ("<", ">", "<=", ">=")


def check(match: Match) -> bool:
    node = match.node
    parent = node.parent()
    if parent is not None and parent.kind() == "binary_operator":
        node, parent = parent, parent.parent()
    if parent is None or parent.kind() != "comparison_operator":
        return False
    if not any(c.text() in _ORDERING for c in parent.children() if not c.is_named()):
        return False
    loops = py.iteration_loops(match.node)
    if not loops:
        return False
    targets = py.loop_targets(loops[0])
    return bool(py.names_in(parent) & targets)
