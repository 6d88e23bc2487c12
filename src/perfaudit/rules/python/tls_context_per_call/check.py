"""A TLS context created in a function that neither runs once nor keeps the context.

Left alone: module level and class bodies, ``__init__``/``__post_init__``/``setup``, a
``functools.cache``/``lru_cache`` function, and a context stored where later calls find it
(assigned to an attribute or a subscript, directly or through a local, or under ``global``).
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_ONCE = frozenset({"__init__", "__post_init__", "__new__", "setup", "setUp", "main"})
_STORES = ("attribute", "subscript")


def _cached(fn: Node) -> bool:
    holder = fn.parent()
    return (holder is not None and holder.kind() == "decorated_definition"
            and any(name in py.CACHE_DECORATORS for name in py.decorator_names(holder)))


def _bound_name(call: Node) -> Node | None:
    """The target ``call`` is assigned to (``ctx = ssl.create_default_context()``)."""
    parent = call.parent()
    if parent is not None and parent.kind() == "assignment":
        right = parent.field("right")
        if right is not None and right == call:
            return parent.field("left")
    return None


def _kept(fn: Node, call: Node) -> bool:
    """Whether the context is stored on an object, in a mapping or in a global."""
    target = _bound_name(call)
    if target is None:
        return False
    if target.kind() in _STORES:
        return True
    if target.kind() != "identifier":
        return False
    name = target.text()
    for stmt in fn.find_all(kind="global_statement"):
        if name in {c.text() for c in stmt.named_children()}:
            return True
    for stmt in fn.find_all(kind="assignment"):
        left, right = stmt.field("left"), stmt.field("right")
        if (left is not None and right is not None and left.kind() in _STORES
                and right.kind() == "identifier" and right.text() == name):
            return True
    return False


def check(match: Match) -> bool:
    """Whether the context is rebuilt on every call of its function."""
    call = match.node
    fn = py.function_of(call)
    if fn is None or fn.kind() != "function_definition":
        return False
    if fn.field_text("name") in _ONCE or _cached(fn):
        return False
    return not _kept(fn, call)
