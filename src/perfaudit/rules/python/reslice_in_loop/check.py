"""``x = x[k:]`` in a loop that carries ``x`` from one iteration to the next.

``x`` must not be a ``memoryview`` (its slices are free), a loop target, or assigned
anything but its own remainder inside the loop: a value fetched or taken afresh each
iteration and trimmed once is not consumed piece by piece.
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py

_VIEWS = ("memoryview(",)


def check(match: Match) -> bool:
    left, right = match.node.field("left"), match.node.field("right")
    if left is None or right is None or left.kind() != "identifier":
        return False
    value, index = right.field("value"), right.field("subscript")
    if value is None or index is None or value.text() != left.text() or index.kind() != "slice":
        return False
    bounds = index.text().replace(" ", "")
    if not bounds.endswith(":") or bounds == ":":
        return False  # x[a:b] / x[:b] / x[:]: not dropping a prefix
    loops = py.iteration_loops(match.node)
    if not loops:
        return False
    name, loop = left.text(), loops[0]
    if name in py.loop_targets(loop):
        return False
    inside = py.assignments_to(loop, name)
    if any(v.kind() != "subscript" or (v.field("value") or v).text() != name for v in inside):
        return False  # re-bound each iteration: trimmed once, not consumed
    fn = py.function_of(match.node)
    scope = fn if fn is not None else match.root
    return not any(v.text().startswith(_VIEWS) for v in py.assignments_to(scope, name))
