"""Per loop iteration."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    return bool(py.iteration_loops(match.node))
