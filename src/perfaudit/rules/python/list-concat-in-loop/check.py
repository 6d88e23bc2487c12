"""Per iteration, on a name the function starts as a list."""

from __future__ import annotations

from perfaudit.rules import pyhelpers as py
from perfaudit.rules.match import Match


def check(match: Match) -> bool:
    target = match.node.get_match("L")
    if target is None or target.kind() != "identifier" or not py.iteration_loops(match.node):
        return False
    fn = py.function_of(match.node)
    if fn is None:
        return False
    values = [v for v in py.assignments_to(fn, target.text()) if v != match.node.field("right")]
    return bool(values) and all(v.kind() in ("list", "list_comprehension")
                                or v.text().startswith("list(") for v in values)
