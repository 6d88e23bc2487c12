"""Builtin ``sum``/``min``/``max`` of a name proven to hold a NumPy array, once per iteration.

Proven means: the file imports ``numpy``; every plain assignment to the name in the function
is an array constructor (``np.array``, ``np.zeros``, ``np.repeat``, ...) or arithmetic on the
name itself or on another array constructor, and at least one is a constructor. A subscript
of it counts when the index is not an integer (a mask, an index array or a slice gives an
array; ``x[0]`` a scalar).
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py
from perfaudit.rules.facts.python import scope
from perfaudit.syntax.node import Node

_CONSTRUCTORS = ("array", "asarray", "asanyarray", "ascontiguousarray", "zeros", "ones",
                 "empty", "full", "zeros_like", "ones_like", "empty_like", "full_like",
                 "arange", "linspace", "logspace", "geomspace", "repeat", "tile", "concatenate",
                 "stack", "vstack", "hstack", "fromiter", "frombuffer", "diff", "cumsum",
                 "sort", "unique", "absolute", "abs", "sqrt", "exp", "log", "where",
                 "flatnonzero", "random.rand",
                 "random.random", "random.normal", "random.uniform")
_IMPORT = re.compile(r"^\s*(import numpy(\s+as\s+(\w+))?|from numpy import)", re.MULTILINE)


def _aliases(root: Node) -> frozenset[str]:
    found: frozenset[str] = root.remember(_aliases, lambda: frozenset(
        (m.group(3) or "numpy") for m in _IMPORT.finditer(root.text())
        if m.group(1).startswith("import")))
    return found


def _constructor(expr: Node, aliases: frozenset[str]) -> bool:
    if expr.kind() != "call":
        return False
    function = expr.field("function")
    text = function.text() if function is not None else ""
    return any(text == f"{alias}.{name}" for alias in aliases for name in _CONSTRUCTORS)


def _array_expr(expr: Node, name: str, aliases: frozenset[str]) -> bool:
    """An array constructor, or arithmetic whose operands include ``name`` or a constructor."""
    if _constructor(expr, aliases):
        return True
    if expr.kind() == "parenthesized_expression":
        inner = expr.named_children()
        return len(inner) == 1 and _array_expr(inner[0], name, aliases)
    if expr.kind() != "binary_operator":
        return False
    operands = [expr.field("left"), expr.field("right")]
    return any(op is not None and (op.text() == name or _array_expr(op, name, aliases))
               for op in operands)


def _is_array(name: str, fn: Node, aliases: frozenset[str]) -> bool:
    values = py.assignments_to(fn, name)
    if not values or name in scope.parameter_names(fn):
        return False
    return any(_constructor(v, aliases) for v in values) and all(
        _array_expr(v, name, aliases) for v in values)


def _array_index(index: Node, fn: Node, aliases: frozenset[str]) -> bool:
    kind = index.kind()
    if kind in ("integer", "unary_operator", "string"):
        return False
    if kind in ("slice", "comparison_operator"):
        return True
    if kind == "identifier":
        values = py.assignments_to(fn, index.text())
        return bool(values) and all(
            _constructor(v, aliases) or (v.kind() == "subscript" and _constructor(
                v.field("value") or v, aliases)) or v.kind() == "comparison_operator"
            for v in values)
    return False


def check(match: Match) -> bool:
    """Whether a builtin reduction in a loop runs over a value the function shows is a NumPy array."""
    aliases = _aliases(match.root)
    arg = match.node.get_match("A")
    fn = py.function_of(match.node)
    if not aliases or arg is None or fn is None or not py.iteration_loops(match.node):
        return False
    builtin = match.node.field("function")
    if builtin is None or builtin.text() in scope.local_names(fn) \
            or builtin.text() in scope.module_names(match.root):
        return False
    if arg.kind() == "identifier":
        return _is_array(arg.text(), fn, aliases)
    if arg.kind() == "subscript":
        value, index = arg.field("value"), arg.field("subscript")
        return (value is not None and index is not None and value.kind() == "identifier"
                and _is_array(value.text(), fn, aliases) and _array_index(index, fn, aliases))
    return False
