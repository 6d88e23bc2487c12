"""Go data-flow helpers for rules' ``check.py`` predicates (pure).

Where a local value comes from, where else it is used, and what a loop compares: enough
to tell a deep copy through JSON, a read-all-then-decode or a membership scan from code
that merely looks like one.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.facts.common import call_name, identifiers_named, is_within
from perfaudit.rules.facts.go.code import (
    DECL_KINDS,
    call_args,
    identifier_names,
    lhs_root,
    range_clause,
    range_vars,
)
from perfaudit.syntax.functions import innermost_function
from perfaudit.syntax.node import Node


def defining_call(scope: Node, name: str, callees: frozenset[str]) -> Node | None:
    """The call in ``callees`` whose first result is bound to ``name`` (``b, err := f(x)``)."""
    for kind in DECL_KINDS:
        for stmt in scope.find_all(kind=kind):
            left, right = stmt.field("left") or stmt.field("name"), stmt.field("right") or stmt.field("value")
            if left is None or right is None:
                continue
            targets = [c for c in left.children() if c.is_named()] or [left]
            values = [c for c in right.children() if c.is_named()] or [right]
            if not targets or targets[0].text() != name or not values:
                continue
            value = values[0]
            if value.kind() == "call_expression" and call_name(value) in callees:
                return value
    return None


def other_uses(scope: Node, name: str, definition: Node, allowed: Node) -> list[Node]:
    """Uses of ``name`` in ``scope`` outside its defining statement and outside ``allowed``."""
    stmt = next((a for a in definition.ancestors() if a.kind() in DECL_KINDS), definition)
    return [u for u in identifiers_named(scope, name) if not is_within(u, stmt) and not is_within(u, allowed)]


def appended_in(scope: Node, loop: Node) -> bool:
    """Whether the collection ``loop`` ranges over is grown with ``append`` inside ``scope``."""
    clause = range_clause(loop)
    coll = clause.field("right") if clause is not None else None
    if coll is None:
        return False
    name = coll.text()
    for stmt in scope.find_all(kind="assignment_statement"):
        left, right = stmt.field("left"), stmt.field("right")
        if left is None or right is None or left.text() != name:
            continue
        if right.text().replace(" ", "").startswith(f"append({name},"):
            return True
    return False


def stops_loop(block: Node | None) -> bool:
    """Whether a block breaks out, returns, continues an outer label or sets a flag to true."""
    if block is None:
        return False
    if block.find(kind="break_statement") or block.find(kind="return_statement"):
        return True
    if any(c.find(kind="label_name") for c in block.find_all(kind="continue_statement")):
        return True
    for stmt in block.find_all(kind="assignment_statement"):
        right = stmt.field("right")
        if right is not None and right.text() == "true":
            return True
    return False


def element_side(side: Node, loop: Node) -> bool:
    """Whether ``side`` reads the element a range loop visits (``v`` or ``coll[i]``)."""
    key, value = range_vars(loop)
    names = {n.text() for n in side.find_all(kind="identifier")} | (
        {side.text()} if side.kind() == "identifier" else set())
    if value is not None and value in names:
        return True
    clause = range_clause(loop)
    right = clause.field("right") if clause is not None else None
    coll = right.text().replace(" ", "") if right is not None else ""
    return key is not None and bool(coll) and f"{coll}[{key}]" in side.text().replace(" ", "")


def _comparisons(cond: Node) -> list[tuple[Node, Node]]:
    # find_all includes ``cond`` itself when it matches
    found = list(cond.find_all(kind="binary_expression")) + list(cond.find_all(kind="call_expression"))
    pairs: list[tuple[Node, Node]] = []
    for node in found:
        if node.kind() == "binary_expression":
            op, left, right = node.field("operator"), node.field("left"), node.field("right")
            if op is not None and op.text() == "==" and left is not None and right is not None:
                pairs.append((left, right))
        elif call_name(node).rsplit(".", 1)[-1] in {"Equal", "DeepEqual", "EqualFold"}:
            args = call_args(node)
            if len(args) >= 2:
                pairs.append((args[0], args[1]))
    return pairs


def membership_pairs(loop: Node) -> list[tuple[Node, Node]]:
    """(element side, other side) of equality tests in ``loop``'s body that end the search."""
    body = loop.field("body")
    if body is None:
        return []
    pairs = []
    for cond_if in body.find_all(kind="if_statement"):
        cond = cond_if.field("condition")
        if cond is None or not stops_loop(cond_if.field("consequence")):
            continue
        for left, right in _comparisons(cond):
            if element_side(left, loop):
                pairs.append((left, right))
            elif element_side(right, loop):
                pairs.append((right, left))
    return pairs


def cheap_string_source(call: Node, operand: Node) -> bool:
    """Whether ``x.String()`` / ``string(x)`` is cheap or not a copy: x is a strings.Builder,
    a rune or byte (one character), or an integer-like constant."""
    scope = innermost_function(call, Language.GO)
    root = lhs_root(operand)
    if scope is None or root is None:
        return False
    for kind in ("var_spec", "short_var_declaration", "parameter_declaration"):
        for decl in scope.find_all(kind=kind):
            names = {c.text() for c in decl.children() if c.kind() == "identifier"}
            left = decl.field("left")
            if left is not None:
                names |= {c.text() for c in left.children() if c.is_named()}
            if root in names and re.search(r"strings\.Builder|\brune\b|(?<!\])\bbyte\b", decl.text()):
                return True
    return False


_READALL = frozenset({"io.ReadAll", "ioutil.ReadAll"})


def readall_source(unmarshal: Node) -> Node | None:
    """The reader whose ``io.ReadAll`` bytes feed only this ``Unmarshal`` call, or None.

    Any other use of the bytes (an error message, a log line, a checksum) is a reason to
    keep them, so the pattern does not apply.
    """
    args = call_args(unmarshal)
    scope = innermost_function(unmarshal, Language.GO)
    if len(args) != 2 or scope is None:
        return None
    data = args[0]
    if data.kind() == "call_expression" and call_name(data) in _READALL:
        readers = call_args(data)
        return readers[0] if readers else None
    if data.kind() != "identifier":
        return None
    definition = defining_call(scope, data.text(), _READALL)
    if definition is None or other_uses(scope, data.text(), definition, unmarshal):
        return None
    readers = call_args(definition)
    return readers[0] if readers else None


def is_http_body(reader: Node) -> bool:
    """Whether a reader expression is an HTTP request or response body (``x.Body``)."""
    return bool(reader.text().replace(" ", "").endswith(".Body"))


def derived_names(scope: Node, seeds: set[str]) -> set[str]:
    """``seeds`` plus every local whose assigned value uses one of them (to a fixed point)."""
    tainted = set(seeds)
    pairs = []
    for kind in ("short_var_declaration", "assignment_statement"):
        for stmt in scope.find_all(kind=kind):
            left, right = stmt.field("left"), stmt.field("right")
            if left is not None and right is not None:
                lhs = {r for c in left.children() if c.is_named() and (r := lhs_root(c))}
                pairs.append((lhs, identifier_names(right)))
    changed = True
    while changed:
        changed = False
        for lhs, rhs in pairs:
            if rhs & tainted and not lhs <= tainted:
                tainted |= lhs
                changed = True
    return tainted
