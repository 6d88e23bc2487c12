"""``s += …`` per iteration where ``s`` starts as a string literal in the same function."""

from __future__ import annotations

from perfaudit.rules import pyhelpers as py
from perfaudit.rules.match import Match

_STRINGS = ("string", "concatenated_string")


def check(match: Match) -> bool:
    target = match.node.get_match("S")
    if target is None or target.kind() != "identifier" or not py.iteration_loops(match.node):
        return False
    fn = py.function_of(match.node)
    if fn is None:
        return False
    values = py.assignments_to(fn, target.text())
    return bool(values) and all(v.kind() in _STRINGS for v in values)
