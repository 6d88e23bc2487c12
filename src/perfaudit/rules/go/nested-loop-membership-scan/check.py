"""An inner range loop whose body tests equality with the outer loop's element and stops."""

from __future__ import annotations

from perfaudit.rules import gocode
from perfaudit.rules.helpers import Node, identifiers
from perfaudit.rules.match import Match


def _small_or_nested(inner: Node, outer_names: set[str], root: Node) -> bool:
    """Inner collection is a literal, a package-level table, or reached from the outer element."""
    clause = gocode.range_clause(inner)
    coll = clause.field("right") if clause is not None else None
    if coll is None or coll.kind() == "composite_literal":
        return True
    if identifiers(coll) & outer_names:
        return True
    if coll.kind() == "identifier" and coll.text() in gocode.package_var_names(root):
        return True
    scope = gocode.function_scope(inner)
    if coll.kind() == "identifier" and scope is not None:
        return gocode.literal_local(scope, coll.text())
    return False


def _element_side(side: Node, inner: Node) -> bool:
    key, value = gocode.range_vars(inner)
    names = identifiers(side)
    if value is not None and value in names:
        return True
    clause = gocode.range_clause(inner)
    coll = clause.field("right").text() if clause is not None and clause.field("right") else ""
    return key is not None and f"{coll}[{key}]" in side.text().replace(" ", "")


def _stops(block: Node | None) -> bool:
    if block is None:
        return False
    if block.find(kind="break_statement") or block.find(kind="return_statement"):
        return True
    if any(c.find(kind="label_name") for c in block.find_all(kind="continue_statement")):
        return True
    return any(a.field("right") is not None and a.field("right").text() == "true"
               for a in block.find_all(kind="assignment_statement"))


def _equalities(cond: Node) -> list[Node]:
    found = [cond] if cond.kind() == "binary_expression" else []
    found += list(cond.find_all(kind="binary_expression"))
    return [b for b in found if b.field("operator") is not None and b.field("operator").text() == "=="]


def check(match: Match) -> bool:
    """Whether the inner loop is a membership scan keyed by the outer loop's value."""
    inner = match.node
    outer = gocode.innermost_loop(inner)
    body = inner.field("body")
    if outer is None or body is None:
        return False
    inner_names = gocode.assigned_roots(inner) | gocode.loop_declared_names(inner)
    outer_names = (gocode.assigned_roots(outer) | gocode.loop_declared_names(outer)) - inner_names
    if _small_or_nested(inner, outer_names, match.root) or gocode.appended_in(outer, inner):
        return False
    for cond_if in body.find_all(kind="if_statement"):
        cond = cond_if.field("condition")
        if cond is None or not _stops(cond_if.field("consequence")):
            continue
        for eq in _equalities(cond):
            left, right = eq.field("left"), eq.field("right")
            for a, b in ((left, right), (right, left)):
                if _element_side(a, inner) and identifiers(b) & outer_names and not identifiers(b) & inner_names:
                    return True
    return False
