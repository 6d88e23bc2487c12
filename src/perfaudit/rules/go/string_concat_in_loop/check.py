"""Flag ``s += x`` / ``s = s + x`` in a loop when ``s`` is a string declared outside that loop."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax.node import Node

_STRING_KINDS = ("interpreted_string_literal", "raw_string_literal")
_JUMPS = frozenset({"break_statement", "continue_statement", "return_statement", "goto_statement"})
_STRING_CALLS = ("fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln", "strings.Repeat", "strings.Join",
                 "strings.TrimSpace", "strings.ToUpper", "strings.ToLower", "strconv.Itoa",
                 "strconv.Quote", "string")


def _plus_terms(expr: Node) -> list[Node]:
    """The operands of a ``+`` chain, left to right (a stack: chains run thousands long)."""
    terms, pending = [], [expr]
    while pending:
        node = pending.pop()
        operator = node.field("operator") if node.kind() == "binary_expression" else None
        left, right = node.field("left"), node.field("right")
        if operator is not None and operator.text() == "+" and left is not None and right is not None:
            pending += (right, left)
        elif node.kind() == "parenthesized_expression" and node.named_children():
            pending.append(node.named_children()[0])
        else:
            terms.append(node)
    return terms


def _concatenated(stmt: Node) -> tuple[str, list[Node]] | None:
    left, right, operator = stmt.field("left"), stmt.field("right"), stmt.field("operator")
    if left is None or right is None or operator is None:
        return None
    targets, values = left.named_children(), right.named_children()
    if len(targets) != 1 or len(values) != 1 or targets[0].kind() != "identifier":
        return None
    name, terms = str(targets[0].text()), _plus_terms(values[0])
    if operator.text() == "+=":
        return name, terms
    if operator.text() == "=" and len(terms) > 1 and any(t.text() == name for t in terms):
        return name, [t for t in terms if t.text() != name]
    return None


def _is_string_expr(expr: Node) -> bool:
    if expr.kind() in _STRING_KINDS:
        return True
    if expr.kind() == "call_expression":
        name = common.call_name(expr)
        return name in _STRING_CALLS or name.endswith((".String", ".Error"))
    if expr.kind() in {"binary_expression", "parenthesized_expression"}:
        terms = _plus_terms(expr)
        return terms != [expr] and any(_is_string_expr(t) for t in terms)
    return False


def is_string_var(decl: Node, name: str) -> bool:
    """Whether ``decl`` shows ``name`` to be a string (declared type or initial value)."""
    if (goscope.declared_type(decl) or "") == "string":
        return True
    value = goscope.declared_value(decl, name)
    return value is not None and _is_string_expr(value)


def _reset_in_loop(loop: Node, name: str, stmt: Node) -> bool:
    """``s = ""`` inside the loop bounds the string's length per round (e.g. line wrapping)."""
    others = goscope.assignments_to(loop, name)
    return any(other != stmt and _concatenated(other) is None for other in others)


def _then_leaves(stmt: Node) -> bool:
    """A jump right after the concat (``continue outer``, ``break``): it does not accumulate."""
    return any(sibling.kind() in _JUMPS for sibling in stmt.next_all())


def check(match: Match) -> bool:
    """String target, declared outside the innermost loop, not reset inside it."""
    stmt = match.node
    found = _concatenated(stmt)
    if found is None:
        return False
    name, terms = found
    decl = goscope.find_declaration(stmt, name)
    if decl is None or not goscope.is_local(decl):
        return False
    if not (is_string_var(decl, name) or any(t.kind() in _STRING_KINDS for t in terms)):
        return False
    loops = goscope.loops_between(stmt, decl)
    if not loops or _reset_in_loop(loops[0], name, stmt) or _then_leaves(stmt):
        return False
    first = min(goscope.assignments_to(loops[0], name), key=lambda n: n.range().start.index)
    return bool(first == stmt)  # one finding per string and loop
