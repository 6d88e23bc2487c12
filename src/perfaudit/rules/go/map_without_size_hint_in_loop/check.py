"""Flag ``m[k] = v`` run once per iteration of a known-length loop on a map made without a hint.

The map comes from a ``make(map[K]V)`` or ``map[K]V{}`` declaration, or from the single
plain assignment ``m = make(map[K]V)`` to a ``var m map[K]V`` or a named result. The loop is a
``for`` of known length, or a ``x.Range(func(k, v) bool { m[k] = v; return true })``
callback whose collection type declares ``Len()`` in the same file. The insert is the only
one into the map in the function.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_CALLBACK_ITERATORS = re.compile(r"^(\w+)\.(Range|ForEach|Each)$")
_LENGTH_METHODS = frozenset({"Len", "Size", "Count"})


def _filled_map(stmt: Node) -> str | None:
    left, right, operator = stmt.field("left"), stmt.field("right"), stmt.field("operator")
    if left is None or right is None or operator is None or operator.text() != "=":
        return None
    targets = left.named_children()
    if len(targets) != 1 or targets[0].kind() != "index_expression":
        return None
    operand = targets[0].field("operand")
    if operand is None or operand.kind() != "identifier":
        return None
    name = str(operand.text())
    return None if common.identifiers_named(right, name) else name


def _hintless(value: Node | None) -> bool:
    """Whether ``value`` is an empty map literal or a ``make`` of a map without a size."""
    if value is None:
        return False
    if value.kind() == "composite_literal":
        kind, body = value.field("type"), value.field("body")
        return (kind is not None and kind.kind() == "map_type"
                and body is not None and not body.named_children())
    if value.kind() == "call_expression" and common.call_name(value) == "make":
        args = gocode.call_args(value)
        return len(args) == 1 and args[0].kind() == "map_type"
    return False


def declared_without_hint(decl: Node, name: str) -> bool:
    """Whether ``decl`` makes ``name`` an empty map with no size hint."""
    return _hintless(goscope.declared_value(decl, name))


def _made_without_hint(decl: Node, name: str, fn: Node) -> Node | None:
    """The statement that gives ``name`` its hint-less map: the declaration, or the only
    plain assignment to a ``var m map[K]V`` / named result that had no value."""
    assignments = goscope.assignments_to(fn, name)
    if not assignments:
        return decl if declared_without_hint(decl, name) else None
    if len(assignments) != 1 or goscope.declared_value(decl, name) is not None:
        return None
    if "map[" not in (goscope.declared_type(decl) or "") or not (
            decl.kind() == "var_spec" or _named_result(decl, fn)):
        return None
    stmt = assignments[0]
    left, right, operator = stmt.field("left"), stmt.field("right"), stmt.field("operator")
    values = right.named_children() if right is not None else []
    if (left is None or left.text() != name or operator is None or operator.text() != "="
            or len(values) != 1 or not _hintless(values[0])):
        return None
    if not goscope.is_local(stmt) or functions.innermost_function(stmt, Language.GO) != fn:
        return None
    if any(a.kind() == "if_statement" and re.search(rf"\b{re.escape(name)}\s*==\s*nil\b",
                                                   a.field_text("condition"))
           for a in stmt.ancestors()):
        return None  # made lazily, perhaps on an earlier iteration: filled more than once
    return stmt


def _named_result(decl: Node, fn: Node) -> bool:
    """Whether ``decl`` declares a named result of ``fn`` (nil on entry, unlike a parameter)."""
    return decl.kind() == "parameter_declaration" and decl.parent() == fn.field("result")


def _inserts(fn: Node, name: str) -> int:
    """Statements anywhere in ``fn`` (closures included) that insert into ``name``."""
    count = 0
    for stmt in fn.find_all(kind="assignment_statement"):
        left = stmt.field("left")
        target = left.named_children()[0] if left is not None and left.named_children() else None
        if target is not None and target.kind() == "index_expression":
            operand = target.field("operand")
            count += operand is not None and operand.text() == name
    return count


def _receiver_type(fn: Node, name: str) -> str:
    """The type name of receiver or parameter ``name`` of method ``fn`` ("" if not declared)."""
    lists = [fn.field("receiver"), fn.field("parameters")] if fn.kind() == "method_declaration" \
        else [fn.field("parameters")]
    for params in lists:
        for decl in params.named_children() if params is not None else []:
            kind = decl.field("type")
            if kind is not None and any(n.text() == name for n in decl.field_children("name")):
                return re.sub(r"\[.*", "", kind.text().lstrip("*"))
    return ""


def _has_length(root: Node, type_name: str) -> bool:
    """Whether the file declares a ``Len()``-like method without arguments on ``type_name``."""
    for method in root.find_all(kind="method_declaration"):
        params = method.field("parameters")
        if (method.field_text("name") in _LENGTH_METHODS and params is not None
                and not params.named_children() and _method_receiver_type(method) == type_name):
            return True
    return False


def _method_receiver_type(method: Node) -> str:
    receiver = method.field("receiver")
    params = receiver.named_children() if receiver is not None else []
    kind = params[0].field("type") if params else None
    return re.sub(r"\[.*", "", kind.text().lstrip("*")) if kind is not None else ""


def _callback_fill(stmt: Node, decl: Node, root: Node) -> bool:
    """``coll.Range(func(k, v) bool { m[k] = v; return true })`` on a collection with a length."""
    literal = functions.innermost_function(stmt, Language.GO)
    if literal is None or literal.kind() != "func_literal":
        return False
    args = literal.parent()
    call = args.parent() if args is not None else None
    if call is None or call.kind() != "call_expression" or len(gocode.call_args(call)) != 1:
        return False
    found = _CALLBACK_ITERATORS.match(common.call_name(call))
    body = literal.field("body")
    holder = stmt.parent()
    if found is None or body is None or holder is None or holder.parent() != body:
        return False
    if len(body.find_all(kind="return_statement")) > 1 or body.find(kind="if_statement"):
        return False  # the callback stops early or inserts conditionally
    statement = call.parent()
    if statement is None or statement.parent() != decl.parent():
        return False  # not run once, straight after the map is made
    outer = functions.innermost_function(call, Language.GO)
    type_name = _receiver_type(outer, found.group(1)) if outer is not None else ""
    return bool(type_name) and _has_length(root, type_name)


def check(match: Match) -> bool:
    """Hint-less map, one known-length loop, unconditional insert, made once."""
    stmt = match.node
    name = _filled_map(stmt)
    if name is None:
        return False
    decl = goscope.find_declaration(stmt, name)
    fn = functions.innermost_function(decl, Language.GO) if decl is not None else None
    if decl is None or fn is None:
        return False
    made = _made_without_hint(decl, name, fn)
    if made is None or goscope.address_taken(fn, name) or _inserts(fn, name) != 1:
        return False
    if goscope.enclosing_loops(stmt):
        return goscope.filled_once_per_known_loop(stmt, made)
    return _callback_fill(stmt, made, match.root)
