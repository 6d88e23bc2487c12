"""Per-iteration deep copies (bare ``deepcopy`` only when imported from ``copy``)."""

from __future__ import annotations

from perfaudit.rules import pyhelpers as py
from perfaudit.rules.match import Match


def check(match: Match) -> bool:
    if not py.iteration_loops(match.node):
        return False
    name = py.call_name(match.node)
    return name == "copy.deepcopy" or py.module_imports(match.root, "copy", "deepcopy")
