"""Inner loop over a collection invariant in the outer loop, filtered by outer == inner keys."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node


def _joins(cmp: Node, outer: set[str], inner: set[str]) -> bool:
    sides = [c for c in cmp.children() if c.is_named()]
    if len(sides) != 2 or "==" not in [c.text() for c in cmp.children()]:
        return False
    if all(side.kind() == "identifier" for side in sides):
        return False  # `if i == j: continue` skips the pair with itself; not a key join
    a, b = (py.names_in(side) for side in sides)
    return bool((a & outer and b & inner and not a & inner and not b & outer)
                or (b & outer and a & inner and not b & inner and not a & outer))


def _derived(outer_loop: Node, inner_loop: Node, outer: set[str]) -> set[str]:
    """``outer`` plus the names the outer loop's body assigns from them before the inner loop
    (``domain = to_domain(name)`` makes ``domain`` a key of the outer item too)."""
    keys = set(outer)
    body = outer_loop.field("body")
    for stmt in body.children() if body is not None else []:
        if stmt.ts.end_byte >= inner_loop.ts.start_byte:  # the inner loop or after it
            break
        assignment = stmt.named_children()[0] if stmt.kind() == "expression_statement" and \
            stmt.named_children() else None
        if assignment is None or assignment.kind() != "assignment":
            continue
        left, right = assignment.field("left"), assignment.field("right")
        if left is not None and right is not None and left.kind() == "identifier" \
                and py.names_in(right) & keys:
            keys.add(left.text())
    return keys


def check(match: Match) -> bool:
    """Whether an inner loop over an invariant collection is filtered by an outer == inner key."""
    node = match.node
    loops = py.iteration_loops(node)
    if not loops or loops[0].kind() != "for_statement":
        return False
    outer_loop = loops[0]
    iterable, body = node.field("right"), node.field("body")
    if iterable is None or body is None:
        return False
    outer, inner = _derived(outer_loop, node, py.loop_targets(outer_loop)), py.loop_targets(node)
    # the invariance test walks the whole outer loop: asked only of a loop that joins
    return _filters_by_join(body, outer, inner) and py.is_invariant(iterable, outer_loop)


def _filters_by_join(body: Node, outer: set[str], inner: set[str]) -> bool:
    """Whether a top-level ``if`` of the inner loop's body compares outer and inner keys."""
    for stmt in body.children():
        cond = stmt.field("condition") if stmt.kind() == "if_statement" else None
        if cond is not None and cond.kind() == "comparison_operator" and _joins(cond, outer, inner):
            return True
    return False
