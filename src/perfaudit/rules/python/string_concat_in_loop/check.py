"""``s += …`` per iteration on an accumulator started as a string literal before the loop."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py

_STRINGS = ("string", "concatenated_string")


def check(match: Match) -> bool:
    found = py.loop_accumulator(match.node, "S")
    if found is None:
        return False
    name, loop, fn = found
    if py.iterates_literal(loop):
        return False
    values = py.assignments_to(fn, name)
    return (bool(values) and all(v.kind() in _STRINGS for v in values)
            and not any(py.within(v, loop) for v in values))
