"""Keep the defers that really pile up: resources acquired per iteration and released at return.

Silent when the loop leaves right after the defer (retry-until-success), when the deferred
value is the range variable itself (close-everything-at-exit), when the value escapes the
iteration on purpose (appended, stored, handed to a goroutine), when the resource is also
closed explicitly in the loop, when a flag makes the defer run once, and in ``main``.
"""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.common import identifiers, identifiers_named, is_within
from perfaudit.syntax.functions import enclosing_function_node, function_name, loop_ancestors
from perfaudit.syntax.node import Node

_EXITS = ("return_statement", "break_statement", "goto_statement")


def _exits_after(stmt: Node) -> bool:
    sibling = stmt.next()
    while sibling is not None:
        if sibling.kind() in _EXITS:
            return True
        sibling = sibling.next()
    return False


def _range_vars(loop: Node) -> set[str]:
    clause = next((c for c in loop.children() if c.kind() == "range_clause"), None)
    left = clause.field("left") if clause is not None else None
    return identifiers(left) if left is not None else set()


def _escapes(name: str, loop: Node, defer: Node) -> bool:
    """Whether ``name`` is appended, stored, or used by a goroutine inside ``loop``."""
    for node in identifiers_named(loop, name):
        if is_within(node, defer):
            continue
        parent = node.parent()
        if parent is not None and parent.kind() == "selector_expression":
            continue  # a field or method of the value, not the value itself
        for anc in node.ancestors():
            kind = anc.kind()
            if anc == loop or kind in ("expression_statement", "return_statement"):
                break
            if kind in ("go_statement", "composite_literal", "keyed_element") or (
                kind == "call_expression" and common.call_name(anc) == "append"
            ):
                return True
            left = anc.field("left") if kind == "assignment_statement" else None
            if left is not None and left.kind() == "expression_list" and any(
                c.kind() in ("index_expression", "selector_expression") for c in left.named_children()
            ):
                return True
    return False


def _closed_elsewhere(defer: Node, loop: Node) -> bool:
    deferred = {common.call_name(c) for c in defer.find_all(kind="call_expression")}
    deferred = {d for d in deferred if "." in d}
    calls: dict[str, list[Node]] = loop.remember(_calls_by_callee, lambda: _calls_by_callee(loop))
    return any(not is_within(c, defer) for name in deferred for c in calls.get(name, ()))


def _calls_by_callee(loop: Node) -> dict[str, list[Node]]:
    """The loop's calls by callee name, found once per loop for all its defers."""
    calls: dict[str, list[Node]] = {}
    for call in loop.find_all(kind="call_expression"):
        calls.setdefault(common.call_name(call), []).append(call)
    return calls


def _once_guard(defer: Node) -> bool:
    parent = defer.parent()
    return parent is not None and any(
        s.kind() == "assignment_statement" and s.field_text("right") == "true"
        for s in parent.children()
    )


def check(match: Match) -> bool:
    node = match.node
    fn = enclosing_function_node(node)
    if (fn is not None and function_name(fn, Language.GO) == "main") or _exits_after(node):
        return False
    loops = loop_ancestors(node, Language.GO)
    call = node.find(kind="call_expression")
    name = common.call_name(call).split(".")[0] if call is not None else ""
    if any(name in _range_vars(loop) for loop in loops):
        return False
    function = call.field("function") if call is not None else None
    if call is not None and function is not None and function.kind() == "func_literal":
        names = {n for n in identifiers(call) if n}
    else:
        names = {name}
    loop = loops[0]
    if any(_escapes(n, loop, node) for n in names if n):
        return False
    return not (_closed_elsewhere(node, loop) or _once_guard(node))
