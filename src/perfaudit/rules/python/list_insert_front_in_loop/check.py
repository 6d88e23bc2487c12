"""Per-iteration ``insert(0, x)`` into the same list (not one insert into each of many lists)."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    loops = py.iteration_loops(match.node)
    target = match.node.get_match("L")
    if not loops or target is None or target.text() == "sys.path":
        return False
    return not py.names_in(target) & py.loop_targets(loops[0])
