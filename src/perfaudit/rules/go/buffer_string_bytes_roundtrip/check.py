"""Flag ``[]byte(buf.String())`` (or via one variable) on a bytes.Buffer or strings.Builder."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax.node import Node


def _buffer_string_call(node: Node, expr: Node | None) -> bool:
    if expr is None or expr.kind() != "call_expression" or gocode.call_args(expr):
        return False
    fn = expr.field("function")
    if fn is None or fn.kind() != "selector_expression":
        return False
    operand, field = fn.field("operand"), fn.field("field")
    if field is None or field.text() != "String" or operand is None:
        return False
    return operand.kind() == "identifier" and goscope.buffer_type(node, operand.text()) is not None


def check(match: Match) -> bool:
    """The converted operand is a buffer's String(), directly or through one variable."""
    conversion = match.node
    operand = conversion.field("operand")
    if operand is None:
        return False
    if operand.kind() == "identifier":
        decl = goscope.find_declaration(conversion, operand.text())
        if decl is None or decl.kind() != "short_var_declaration":
            return False
        operand = goscope.declared_value(decl, operand.text())
    return _buffer_string_call(conversion, operand)
