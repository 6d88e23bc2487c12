"""Per iteration, on an accumulator the function starts as a list before the loop."""

from __future__ import annotations

from perfaudit.rules import pyhelpers as py
from perfaudit.rules.match import Match


def check(match: Match) -> bool:
    target = match.node.get_match("L")
    loops = py.iteration_loops(match.node)
    if target is None or target.kind() != "identifier" or not loops:
        return False
    fn = py.function_of(match.node)
    if fn is None:
        return False
    values = [v for v in py.assignments_to(fn, target.text()) if v != match.node.field("right")]
    if any(py.within(v, loops[0]) for v in values):
        return False  # restarted every iteration: not an accumulator across iterations
    return bool(values) and all(v.kind() in ("list", "list_comprehension")
                                or v.text().startswith("list(") for v in values)
