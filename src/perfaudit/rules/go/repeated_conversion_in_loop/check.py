"""A conversion whose operand is invariant in the loop, in a context that really copies."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import flow as goflow
from perfaudit.syntax.node import Node

_FREE_PARENTS = frozenset({"index_expression", "expression_switch_statement", "range_clause"})
_COPYING_CALLEES = frozenset({"append", "copy"})


def _operand(node: Node) -> Node | None:
    if node.kind() == "type_conversion_expression":
        return node.field("operand")
    if common.call_name(node) == "string":
        args = gocode.call_args(node)
        return args[0] if len(args) == 1 else None
    fn = node.field("function")
    return fn.field("operand") if fn is not None else None


def _compiler_avoids_copy(node: Node) -> bool:
    parent = node.parent()
    if parent is None:
        return True
    if parent.kind() in _FREE_PARENTS:
        return True
    if parent.kind() == "binary_expression":
        op = parent.field("operator")
        return op is not None and op.text() in {"==", "!=", "<", ">", "<=", ">=", "+"}
    return False


def _byte_slice_shared_safely(node: Node) -> bool:
    """A hoisted []byte is only safe as a plain call argument the callee just reads."""
    parent = node.parent()
    call = parent.parent() if parent is not None and parent.kind() == "argument_list" else None
    return call is not None and common.call_name(call) not in _COPYING_CALLEES


def _constant(operand: Node, root: Node) -> bool:
    """A string literal, a ``const`` of this file, or ``+`` of those: the compiler folds it."""
    if gocode.is_string_literal(operand):
        return True
    pending, consts = [operand], gocode.const_names(root)
    while pending:
        current = pending.pop()
        if current.kind() == "identifier":
            if current.text() not in consts:
                return False
        elif current.kind() in {"binary_expression", "parenthesized_expression"}:
            pending.extend(c for c in current.children() if c.is_named())
        elif not gocode.is_string_literal(current) and current.kind() not in {
                "int_literal", "rune_literal"}:
            return False
    return True


def _only_converted(loop: Node, operand: Node, node: Node) -> bool:
    """Every mention of the operand's variable in the loop is this same conversion."""
    root = gocode.lhs_root(operand)
    if root is None:
        return False
    text = node.text()
    for use in common.identifiers_named(loop, root):
        if not any(a.text() == text for a in use.ancestors() if a.kind() == node.kind()):
            return False
    return True


def check(match: Match) -> bool:
    """Whether the conversion copies an operand that no iteration changes."""
    node = match.node
    loop = gocode.innermost_loop(node)
    operand = _operand(node)
    if loop is None or operand is None or _constant(operand, match.root):
        return False  # a literal or a constant: folded or kept read-only, no copy per iteration
    if operand.kind() in {"int_literal", "rune_literal"} or gocode.evaluated_once(node, loop):
        return False
    copies = node.kind() != "call_expression" or common.call_name(node) == "string"
    if copies and _compiler_avoids_copy(node):
        return False
    if node.kind() == "type_conversion_expression" and not _byte_slice_shared_safely(node):
        return False
    if gocode.runs_once_in_loop(node, loop) or not gocode.is_invariant(operand, loop):
        return False
    if node.kind() == "call_expression" and goflow.cheap_string_source(node, operand):
        return False
    return node.kind() == "type_conversion_expression" or _only_converted(loop, operand, node)
