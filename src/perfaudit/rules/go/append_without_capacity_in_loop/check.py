"""Flag ``out = append(out, x)`` run once per iteration of a known-length loop on an empty slice."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node


def _appended_name(stmt: Node) -> str | None:
    left, right = stmt.field("left"), stmt.field("right")
    operator = stmt.field("operator")
    if left is None or right is None or (operator is not None and operator.text() != "="):
        return None
    targets, values = left.named_children(), right.named_children()
    if len(targets) != 1 or len(values) != 1 or targets[0].kind() != "identifier":
        return None
    call = values[0]
    if call.kind() != "call_expression" or common.call_name(call) != "append":
        return None
    args = gocode.call_args(call)
    name = targets[0].text()
    if len(args) != 2 or args[0].text() != name or args[1].kind() == "variadic_argument":
        return None
    return str(name)


def declared_empty(decl: Node, name: str) -> bool:
    """Whether ``decl`` declares ``name`` as a zero-capacity slice."""
    value = goscope.declared_value(decl, name)
    if value is None:
        type_text = goscope.declared_type(decl) or ""
        return decl.kind() == "var_spec" and type_text.startswith("[]")
    if value.kind() == "composite_literal":
        body = value.field("body")
        kind = value.field("type")
        return (kind is not None and kind.kind() == "slice_type"
                and body is not None and not body.named_children())
    if value.kind() == "call_expression" and common.call_name(value) == "make":
        args = gocode.call_args(value)
        return len(args) == 2 and args[0].kind() == "slice_type" and args[1].text() == "0"
    return False


def check(match: Match) -> bool:
    """Empty slice, exactly one known-length loop, unconditional append, no other writes."""
    stmt = match.node
    name = _appended_name(stmt)
    if name is None:
        return False
    decl = goscope.find_declaration(stmt, name)
    if decl is None or not declared_empty(decl, name):
        return False
    if not goscope.filled_once_per_known_loop(stmt, decl):
        return False
    fn = functions.innermost_function(decl, Language.GO) or functions.innermost_function(stmt, Language.GO)
    if fn is None or goscope.address_taken(fn, name):
        return False
    return goscope.assignments_to(fn, name) == [stmt]
