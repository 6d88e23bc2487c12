"""Per-iteration ``pop(0)`` on something not known to be a dict."""

from __future__ import annotations

from perfaudit.rules import pyhelpers as py
from perfaudit.rules.match import Match


def check(match: Match) -> bool:
    if not py.iteration_loops(match.node):
        return False
    target = match.node.get_match("L")
    fn = py.function_of(match.node)
    if target is None or fn is None:
        return True
    values = py.assignments_to(fn, target.text())
    return not any(v.kind() == "dictionary" or v.text().startswith(("dict(", "deque("))
                   for v in values)
