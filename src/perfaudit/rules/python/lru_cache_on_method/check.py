"""An unbounded cache decorator on a method whose first parameter is ``self``.

``functools.cache`` and ``lru_cache(maxsize=None)`` keep every instance that ever called the
method alive. A bounded ``lru_cache`` (``maxsize`` 128 by default) keeps at most that many:
memory stays bounded, so it is a cache, not a leak (DESIGN §10).
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python.code import CACHE_DECORATORS, decorator_names
from perfaudit.syntax.node import Node

_BINDERS = ("staticmethod", "classmethod")
_UNBOUNDED = ("cache", "functools.cache")


def _unbounded(decorator: Node) -> bool:
    """``@cache``, or ``@lru_cache(maxsize=None)`` / ``@lru_cache(None)``."""
    named = decorator.named_children()
    expr = named[0] if named else decorator
    if expr.kind() != "call":
        return str(expr.text()) in _UNBOUNDED
    name = expr.field("function")
    args = expr.field("arguments")
    if name is None or str(name.text()) not in CACHE_DECORATORS or args is None:
        return False
    for arg in args.named_children():
        value = arg.field("value") if arg.kind() == "keyword_argument" else arg
        key = arg.field("name") if arg.kind() == "keyword_argument" else None
        if (key is None or str(key.text()) == "maxsize") and value is not None:
            return str(value.text()) == "None"
    return str(name.text()) in _UNBOUNDED


def check(match: Match) -> bool:
    if any(n in _BINDERS for n in decorator_names(match.node)):
        return False
    decorators = [d for d in match.node.children() if d.kind() == "decorator"]
    if not any(_unbounded(d) for d in decorators):
        return False
    fn = match.node.field("definition")
    params = fn.field("parameters") if fn is not None else None
    first = params.named_children()[0] if params is not None and params.named_children() else None
    return first is not None and first.text().split(":")[0].strip() == "self"

