"""Flag a map literal of constants built inside a function and only read there."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_CONSTANT_KINDS = frozenset({"interpreted_string_literal", "raw_string_literal", "int_literal",
                             "float_literal", "rune_literal", "imaginary_literal", "true",
                             "false", "nil"})
_ONCE_CALLS = ("sync.OnceValue", "sync.OnceValues", "sync.OnceFunc", ".Do")
_MIN_ENTRIES = 2


def _is_constant(element: Node) -> bool:
    inner = element.named_children()
    if len(inner) != 1:
        return False
    value = inner[0]
    if value.kind() in _CONSTANT_KINDS:
        return True
    if value.kind() == "literal_value":
        return not value.named_children()
    if value.kind() == "composite_literal":
        body = value.field("body")
        return body is not None and not body.named_children()
    return False


def constant_entries(literal: Node) -> int:
    """Number of entries when every key and value is a constant, else 0."""
    body = literal.field("body")
    entries = [c for c in body.named_children() if c.kind() != "comment"] if body else []
    for entry in entries:
        parts = entry.named_children() if entry.kind() == "keyed_element" else []
        if len(parts) != 2 or not all(_is_constant(p) for p in parts):
            return 0
    return len(entries)


def _read_only_use(use: Node) -> bool:
    parent = use.parent()
    if parent is None:
        return False
    if parent.kind() == "index_expression" and parent.field("operand") == use:
        holder = parent.parent()
        if holder is not None and holder.kind() in ("inc_statement", "dec_statement"):
            return False
        if holder is not None and holder.kind() == "expression_list":
            stmt = holder.parent()
            return not (stmt is not None and stmt.kind() == "assignment_statement"
                        and stmt.field("left") == holder)
        return True
    if parent.kind() == "range_clause" and parent.field("right") == use:
        return True
    call = parent.parent()
    return (parent.kind() == "argument_list" and call is not None
            and common.call_name(call) == "len")


def _only_read(literal: Node, fn: Node) -> bool:
    parent = literal.parent()
    if parent is not None and parent.kind() in ("index_expression", "range_clause"):
        return _read_only_use(literal)
    if parent is None or parent.kind() != "expression_list":
        return False
    decl = parent.parent()
    if decl is None or decl.kind() not in ("short_var_declaration", "var_spec"):
        return False
    names = goscope.declared_names(decl)
    if len(names) != 1:
        return False
    name = names[0].text()
    if goscope.assignments_to(fn, name):
        return False
    uses = [u for u in common.identifiers_named(fn, name) if u != names[0]]
    return bool(uses) and all(_read_only_use(u) for u in uses)


def _runs_once(fn: Node) -> bool:
    named = functions.enclosing_function_node(fn) if fn.kind() == "func_literal" else fn
    if common.is_startup(named, Language.GO):
        return True
    for closure in [fn, *[a for a in fn.ancestors() if a.kind() == "func_literal"]]:
        holder = closure.parent()
        call = holder.parent() if holder is not None else None
        if (call is not None and call.kind() == "call_expression"
                and common.call_name(call).endswith(_ONCE_CALLS)):
            return True
    return False


def check(match: Match) -> bool:
    """Constants only, at least two entries, never written, returned or passed on."""
    literal = match.node
    if constant_entries(literal) < _MIN_ENTRIES:
        return False
    fn = functions.innermost_function(literal, Language.GO)
    if fn is None:
        return False
    return _only_read(literal, fn) and not _runs_once(fn)
