"""Flag ``[]byte(string(b))`` on a visible []byte, and ``Unmarshal([]byte(s))`` with ``s := string(b)``."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node


def _string_conversion_arg(expr: Node | None) -> Node | None:
    if expr is None or expr.kind() != "call_expression" or common.call_name(expr) != "string":
        return None
    args = gocode.call_args(expr)
    return args[0] if len(args) == 1 else None


def _feeds_unmarshal(conversion: Node) -> bool:
    args = conversion.parent()
    call = args.parent() if args is not None else None
    if args is None or call is None or call.kind() != "call_expression" or args.kind() != "argument_list":
        return False
    first = gocode.call_args(call)
    return bool(first) and first[0] == conversion and common.call_name(call).endswith("Unmarshal")


def check(match: Match) -> bool:
    """Direct double conversion of bytes, or a string made from bytes re-converted for Unmarshal."""
    conversion = match.node
    operand = conversion.field("operand")
    if operand is None:
        return False
    inner = _string_conversion_arg(operand)
    if inner is not None:
        return goscope.is_byte_slice(conversion, inner)
    if operand.kind() != "identifier" or not _feeds_unmarshal(conversion):
        return False
    name = operand.text()
    decl = goscope.find_declaration(conversion, name)
    if decl is None or decl.kind() != "short_var_declaration":
        return False
    source = _string_conversion_arg(goscope.declared_value(decl, name))
    fn = functions.innermost_function(decl, Language.GO)
    return source is not None and fn is not None and not goscope.assignments_to(fn, name)
