"""Per-iteration ``pop(0)`` on the same list (not known to be a dict or a deque)."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    loops = py.iteration_loops(match.node)
    target = match.node.get_match("L")
    if not loops or (target is not None
                     and py.names_in(target) & py.loop_targets(loops[0])):
        return False  # a different list each iteration: one pop each
    fn = py.function_of(match.node)
    if target is None or fn is None:
        return True
    values = py.assignments_to(fn, target.text())
    return not any(v.kind() == "dictionary" or v.text().startswith(("dict(", "deque("))
                   for v in values)
