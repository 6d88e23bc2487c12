"""Flag a compression writer built in a function that runs per call, with no reuse in the file.

Silent when the file pools or resets writers (``sync.Pool``, ``x.Reset(`` on the variable the
writer is stored in), when the writer is built in a constructor, ``init``, ``main`` or a
set-up function, at package level, inside a ``sync.Once``, or in test-support code; and when
the writer is kept on an object (``c.zw = zlib.NewWriter(conn)``, directly, through a local or
wrapped in a ``bufio.Writer``): that is a stream writer living as long as its connection or
file, not one per message.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go.lifetimes import is_test_support_path
from perfaudit.syntax.functions import declared_name, enclosing_function_node
from perfaudit.syntax.node import Node

_SETUP = re.compile(r"^(init|main|[Nn]ew\w*|[Ii]nit\w*|[Ss]etup\w*|[Mm]ust\w*)$")


_WRAPPING = frozenset({"argument_list", "call_expression", "expression_list", "unary_expression",
                       "parenthesized_expression"})


def _assignment(call: Node) -> Node | None:
    """The assignment or declaration the call's result (possibly wrapped in calls) feeds."""
    parent = call.parent()
    while parent is not None and parent.kind() in _WRAPPING:
        parent = parent.parent()
    return parent


def _assigned_to(call: Node) -> str | None:
    """The last name the result is assigned to: ``zw`` in ``zw, err := ...``, ``w`` in ``c.w = ...``."""
    parent = _assignment(call)
    if parent is None or parent.kind() not in ("short_var_declaration", "assignment_statement"):
        return None
    left = parent.field("left")
    if left is None:
        return None
    first = left.text().split(",")[0].strip()
    return first.rsplit(".", 1)[-1] or None


def _in_once(call: Node) -> bool:
    """Whether the call sits in a closure passed to ``once.Do`` (runs once)."""
    for ancestor in call.ancestors():
        if ancestor.kind() != "func_literal":
            continue
        args = ancestor.parent()
        outer = args.parent() if args is not None else None
        if outer is not None and outer.kind() == "call_expression":
            fn = outer.field("function")
            if fn is not None and fn.text().endswith(".Do"):
                return True
    return False


def check(match: Match) -> bool:
    """The writer is built per call and the file shows no pooling or reuse."""
    if is_test_support_path(match.path) or "sync.Pool" in match.source:
        return False
    fn = enclosing_function_node(match.node)
    if fn is None or _SETUP.match(declared_name(fn)) or _in_once(match.node):
        return False
    name = _assigned_to(match.node)
    if name and re.search(rf"\b{re.escape(name)}\.Reset\(", match.source):
        return False
    return not _kept_on_object(match.node, fn, name)


def _kept_on_object(call: Node, fn: Node, name: str | None) -> bool:
    """Whether the writer is stored in a field (``c.w = ...``, or ``zw := ...; c.w = zw``)."""
    assignment = _assignment(call)
    left = assignment.field("left") if assignment is not None else None
    if left is not None and "." in left.text().split(",")[0]:
        return True
    return bool(name) and re.search(
        rf"\b\w+(\.\w+)+\s*=(?!=)[^\n]*\b{re.escape(name or '')}\b", fn.text()) is not None
