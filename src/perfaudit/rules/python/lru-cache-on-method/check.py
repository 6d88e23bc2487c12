"""A cache decorator on a method whose first parameter is ``self`` (not static/class)."""

from __future__ import annotations

from perfaudit.rules.helpers import Node
from perfaudit.rules.match import Match

_CACHES = ("lru_cache", "functools.lru_cache", "cache", "functools.cache")
_BINDERS = ("staticmethod", "classmethod")


def _decorator_name(dec: Node) -> str:
    named = dec.named_children()
    expr = named[0] if named else dec
    if expr.kind() == "call":
        expr = expr.field("function") or expr
    return str(expr.text())


def check(match: Match) -> bool:
    names = [_decorator_name(d) for d in match.node.children() if d.kind() == "decorator"]
    if not any(n in _CACHES for n in names) or any(n in _BINDERS for n in names):
        return False
    fn = match.node.field("definition")
    params = fn.field("parameters") if fn is not None else None
    first = params.named_children()[0] if params is not None and params.named_children() else None
    return first is not None and first.text().split(":")[0].strip() == "self"
