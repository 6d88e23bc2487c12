"""Flag ``strings.Replace*(string(b), ...)`` whose result ends up converted back to ``[]byte``."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_NOT_BYTES = ("rune", "byte", "int", "int32", "uint8", "string")


def _from_bytes(call: Node) -> bool:
    args = gocode.call_args(call)
    if not args or args[0].kind() != "call_expression" or common.call_name(args[0]) != "string":
        return False
    inner = gocode.call_args(args[0])
    if len(inner) != 1:
        return False
    if inner[0].kind() == "identifier":
        decl = goscope.find_declaration(call, inner[0].text())
        if decl is not None and (goscope.declared_type(decl) or "") in _NOT_BYTES:
            return False
        if decl is not None and decl.kind() == "range_clause":
            return False
    return True


def _is_bytes_conversion(node: Node | None) -> bool:
    return node is not None and node.kind() == "type_conversion_expression" and (
        node.text().replace(" ", "").startswith("[]byte("))


def _ends_as_bytes(call: Node) -> bool:
    parent = call.parent()
    if _is_bytes_conversion(parent):
        return True
    outer = parent.parent() if parent is not None and parent.kind() == "argument_list" else None
    if outer is not None and common.call_name(outer).startswith("strings.Replace"):
        return gocode.call_args(outer)[0] == call and _ends_as_bytes(outer)
    name = goscope.first_assigned_name(call)
    fn = functions.innermost_function(call, Language.GO)
    if name is None or fn is None:
        return False
    return any(_is_bytes_conversion(use.parent()) for use in common.identifiers_named(fn, name))


def check(match: Match) -> bool:
    """First argument is ``string(bytes)`` and the (possibly chained) result becomes []byte."""
    call = match.node
    return _from_bytes(call) and _ends_as_bytes(call)
