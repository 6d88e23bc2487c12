"""``s += …`` per iteration on an accumulator started as a string literal before the loop."""

from __future__ import annotations

from perfaudit.rules import pyhelpers as py
from perfaudit.rules.match import Match

_STRINGS = ("string", "concatenated_string")


def check(match: Match) -> bool:
    target = match.node.get_match("S")
    loops = py.iteration_loops(match.node)
    if target is None or target.kind() != "identifier" or not loops:
        return False
    fn = py.function_of(match.node)
    if fn is None or py.iterates_literal(loops[0]):
        return False
    values = py.assignments_to(fn, target.text())
    return (bool(values) and all(v.kind() in _STRINGS for v in values)
            and not any(py.within(v, loops[0]) for v in values))
