"""A cache decorator on a method whose first parameter is ``self`` (not static/class)."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python.code import CACHE_DECORATORS, decorator_names

_BINDERS = ("staticmethod", "classmethod")



def check(match: Match) -> bool:
    names = decorator_names(match.node)
    if not any(n in CACHE_DECORATORS for n in names) or any(n in _BINDERS for n in names):
        return False
    fn = match.node.field("definition")
    params = fn.field("parameters") if fn is not None else None
    first = params.named_children()[0] if params is not None and params.named_children() else None
    return first is not None and first.text().split(":")[0].strip() == "self"
