"""An ``open(...)`` whose file object is used in place and never bound, returned or closed.

Flagged uses: the iterable of a ``for`` loop or comprehension (``for line in open(p)``), a
method called on it directly (``open(p).read()``, not ``.close()``), and an argument of
another call (``json.load(open(p))``, ``Reader(open(p))``) unless that call hands the file to
something that closes it (``closing``, ``ExitStack.enter_context``, a ``with`` header) or
stores it in a collection. Bound, returned or yielded files are left alone: whoever holds them
may close them. Module-level code, ``main`` and ``if __name__ == "__main__"`` run once.
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.rules.facts.python import scope
from perfaudit.syntax.node import Node

_TAKES_OWNERSHIP = frozenset({"closing", "enter_context", "enter_async_context", "push",
                              "callback", "ExitStack", "nullcontext", "TextIOWrapper",
                              "BufferedReader", "BufferedWriter", "register"})
_MAIN_GUARD = ("__name__", "__main__")


def _last(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _in_with_header(node: Node) -> bool:
    for ancestor in node.ancestors():
        kind = ancestor.kind()
        if kind in ("with_clause", "with_item"):
            return True
        if kind in ("block", "function_definition", "lambda", "module"):
            return False
    return False


def _closed_later(call: Node, fn: Node) -> bool:
    """``r = Reader(open(p))`` followed by ``r.close()`` or ``with r``/``closing(r)``."""
    parent = call.parent()
    if parent is None or parent.kind() != "assignment":
        return False
    left = parent.field("left")
    if left is None or left.kind() not in ("identifier", "attribute"):
        return False
    name = left.text()
    body = fn.text()
    return (f"{name}.close(" in body or f"closing({name})" in body
            or f"with {name}" in body or f"enter_context({name})" in body)


def _wrapping_call(arg_list: Node) -> Node | None:
    outer = arg_list.parent()
    return outer if outer is not None and outer.kind() == "call" else None


def _leaked_use(node: Node, fn: Node) -> bool:
    """Whether the file object ``node`` is used in place, with nothing left to close it."""
    parent = node.parent()
    if parent is None:
        return False
    kind = parent.kind()
    if kind in ("for_statement", "for_in_clause"):
        right = parent.field("right")
        return right is not None and right.range() == node.range()
    if kind == "attribute":
        attr = parent.field("attribute")
        grand = parent.parent()
        return (attr is not None and attr.text() not in ("close", "__enter__", "fileno")
                and grand is not None and grand.kind() == "call")
    if kind == "keyword_argument":
        parent = parent.parent()
        if parent is None:
            return False
        kind = parent.kind()
    if kind != "argument_list":
        return False
    outer = _wrapping_call(parent)
    if outer is None or _in_with_header(outer):
        return False
    name = _last(common.call_name(outer))
    if name in _TAKES_OWNERSHIP or name in py.MUTATORS:
        return False
    return not _closed_later(outer, fn)


def _under_main_guard(node: Node) -> bool:
    for ancestor in node.ancestors():
        if ancestor.kind() == "if_statement":
            condition = ancestor.field("condition")
            if condition is not None and all(t in condition.text() for t in _MAIN_GUARD):
                return True
    return False


def check(match: Match) -> bool:
    """Whether a file opened inline is never closed by a with-block or an explicit close."""
    node = match.node
    fn = py.function_of(node)
    if fn is None or common.is_startup(fn, match.language) or _under_main_guard(node):
        return False
    if common.call_name(node) == "open" and (
            "open" in scope.module_names(match.root) or "open" in scope.local_names(fn)):
        return False  # a project's own `open`, not the builtin
    if _in_with_header(node):
        return False
    return _leaked_use(node, fn)
