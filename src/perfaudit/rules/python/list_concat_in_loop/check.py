"""Per iteration, on an accumulator the function starts as a list before the loop."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    found = py.loop_accumulator(match.node, "L")
    if found is None:
        return False
    name, loop, fn = found
    values = [v for v in py.assignments_to(fn, name) if v != match.node.field("right")]
    if any(py.within(v, loop) for v in values):
        return False  # restarted every iteration: not an accumulator across iterations
    return bool(values) and all(v.kind() in ("list", "list_comprehension")
                                or v.text().startswith("list(") for v in values)
