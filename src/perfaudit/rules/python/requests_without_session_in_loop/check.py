"""Module-level request helpers (the module really imported) called once per loop iteration."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    module = common.call_name(match.node).split(".", 1)[0]
    fn = py.function_of(match.node)
    if fn is not None and py.assignments_to(fn, module):
        return False  # a local variable named like the module
    return py.imports_module(match.root, module) and bool(py.iteration_loops(match.node))
