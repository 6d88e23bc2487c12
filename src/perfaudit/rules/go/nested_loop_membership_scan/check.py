"""An inner range loop whose body tests equality with the outer loop's element and stops."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.common import identifiers
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import flow as goflow
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node


def _small_or_nested(inner: Node, outer_names: frozenset[str] | set[str], root: Node) -> bool:
    """Inner collection is a literal, a package-level table, or reached from the outer element."""
    clause = gocode.range_clause(inner)
    coll = clause.field("right") if clause is not None else None
    if coll is None or coll.kind() == "composite_literal":
        return True
    if identifiers(coll) & outer_names:
        return True
    if coll.kind() == "identifier" and coll.text() in gocode.package_var_names(root):
        return True
    scope = functions.innermost_function(inner, Language.GO)
    return coll.kind() == "identifier" and scope is not None and gocode.literal_local(scope, coll.text())


def check(match: Match) -> bool:
    """Whether the inner loop is a membership scan keyed by the outer loop's value."""
    inner = match.node
    outer = gocode.innermost_loop(inner)
    if outer is None:
        return False
    inner_names = gocode.assigned_roots(inner) | gocode.loop_declared_names(inner)
    outer_names = (gocode.assigned_roots(outer) | gocode.loop_declared_names(outer)) - inner_names
    if _small_or_nested(inner, outer_names, match.root) or goflow.appended_in(outer, inner):
        return False
    for _, other in goflow.membership_pairs(inner):
        names = gocode.identifier_names(other)
        if names & outer_names and not names & inner_names:
            return True
    return False
