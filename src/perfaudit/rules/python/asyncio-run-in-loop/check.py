"""Per loop iteration."""

from __future__ import annotations

from perfaudit.rules import pyhelpers as py
from perfaudit.rules.match import Match


def check(match: Match) -> bool:
    return bool(py.iteration_loops(match.node))
