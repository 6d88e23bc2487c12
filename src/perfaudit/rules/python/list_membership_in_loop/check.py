"""A local list built before the loop (or grown in it) and tested once per iteration."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_BUILDERS = ("list(", "sorted(", "[")


def _is_grown(fn: Node, name: str) -> bool:
    calls = fn.find_all(pattern=f"{name}.$M($$$)")
    return any((method := c.get_match("M")) is not None
               and method.text() in ("append", "extend", "insert") and py.iteration_loops(c)
               for c in calls)


def _is_local_list(fn: Node, name: str, loop: Node) -> bool:
    values = py.assignments_to(fn, name)
    if not values or any(py.within(v, loop) for v in values):
        return False
    unbounded = False
    for value in values:
        text = value.text()
        if value.kind() == "list_comprehension" or text.startswith(("list(", "sorted(")):
            unbounded = True
        elif value.kind() == "list":
            if any(item.kind() == "dictionary" for item in value.named_children()):
                return False
            unbounded = unbounded or _is_grown(fn, name)
        else:
            return False
    return unbounded


def _owner(fn: Node, name: str) -> Node | None:
    """The function that assigns ``name``: ``fn``, or the enclosing one whose list a nested
    function reads (a closure, as in a recursive walker that appends what it has seen)."""
    scope: Node | None = fn
    while scope is not None:
        if py.assignments_to(scope, name):
            return scope
        parent = scope.parent()
        scope = py.function_of(parent) if parent is not None else None
    return None


def check(match: Match) -> bool:
    found = py.loop_accumulator(match.node, "L")
    if found is None:
        return False
    name, loop, fn = found
    owner = _owner(fn, name)
    return owner is not None and _is_local_list(owner, name, loop)
