"""Flag ``m[k] = v`` run once per iteration of a known-length loop on a map made without a hint."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node


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


def declared_without_hint(decl: Node, name: str) -> bool:
    """Whether ``decl`` makes ``name`` an empty map with no size hint."""
    value = goscope.declared_value(decl, name)
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


def _inserts(fn: Node, name: str) -> int:
    count = 0
    for stmt in fn.find_all(kind="assignment_statement"):
        left = stmt.field("left")
        target = left.named_children()[0] if left is not None and left.named_children() else None
        if target is not None and target.kind() == "index_expression":
            operand = target.field("operand")
            count += operand is not None and operand.text() == name
    return count


def check(match: Match) -> bool:
    """Hint-less map, exactly one known-length loop, unconditional insert, no reassignment."""
    stmt = match.node
    name = _filled_map(stmt)
    if name is None:
        return False
    decl = goscope.find_declaration(stmt, name)
    if decl is None or not declared_without_hint(decl, name):
        return False
    if not goscope.filled_once_per_known_loop(stmt, decl):
        return False
    fn = functions.innermost_function(decl, Language.GO)
    if fn is None or goscope.address_taken(fn, name) or goscope.assignments_to(fn, name):
        return False
    return _inserts(fn, name) == 1
