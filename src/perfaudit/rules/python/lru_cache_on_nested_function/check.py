"""A cache decorator on a nested function that neither recurses nor escapes the call.

A recursive one reuses its cache within the call; a returned or stored one keeps it.
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python.code import CACHE_DECORATORS, decorator_names
from perfaudit.syntax.node import Node


def _is_recursive(fn: Node) -> bool:
    name = fn.field("name")
    body = fn.field("body")
    if name is None or body is None:
        return False
    return any((callee := call.field("function")) is not None and callee.text() == name.text()
               for call in body.find_all(kind="call"))


def _escapes(fn: Node, outer: Node | None) -> bool:
    """The function is returned, stored, passed on or used by another closure."""
    name = fn.field("name")
    if outer is None or name is None:
        return False
    for ident in outer.find_all(kind="identifier"):
        if ident.text() != name.text() or ident.range() == name.range():
            continue
        scope = next((a for a in ident.ancestors()
                      if a.kind() in ("function_definition", "lambda")), None)
        if scope is not None and scope not in (outer, fn):
            return True  # used by another closure, which may outlive the call
        parent = ident.parent()
        if parent is None or parent.kind() != "call" or parent.field("function") != ident:
            return True
    return False


def check(match: Match) -> bool:
    names = decorator_names(match.node)
    fn = match.node.field("definition")
    if not any(n in CACHE_DECORATORS for n in names) or fn is None or fn.kind() != "function_definition":
        return False
    outer = next((a for a in match.node.ancestors() if a.kind() == "function_definition"), None)
    return not _is_recursive(fn) and not _escapes(fn, outer)
