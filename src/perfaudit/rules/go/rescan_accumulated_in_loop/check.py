"""A scan of slice S inside a loop that also does ``S = append(S, ...)``."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import flow as goflow
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node


def _scanned(node: Node) -> str | None:
    if node.kind() == "for_statement":
        clause = gocode.range_clause(node)
        right = clause.field("right") if clause is not None else None
        return right.text() if right is not None else None
    if common.call_name(node).endswith(("Prefix", "Suffix")):
        return None
    args = gocode.call_args(node)
    return args[0].text() if args and args[0].kind() == "identifier" else None


def _declared_inside(loop: Node, name: str) -> bool:
    for decl in loop.find_all(kind="short_var_declaration"):
        left = decl.field("left")
        if left is not None and name in {c.text() for c in left.children() if c.is_named()}:
            return True
    return any(name in {c.text() for c in spec.children() if c.kind() == "identifier"}
               for spec in loop.find_all(kind="var_spec"))


def _appends(loop: Node, name: str) -> bool:
    """Whether ``loop`` grows ``name`` with append and never truncates or replaces it."""
    grows = False
    for stmt in loop.find_all(kind="assignment_statement"):
        left, right = stmt.field("left"), stmt.field("right")
        if left is None or right is None or left.text() != name:
            continue
        if right.text().replace(" ", "").startswith(f"append({name},"):
            grows = True
        else:
            return False
    return grows


def _is_search(node: Node) -> bool:
    if node.kind() != "for_statement":
        return True
    return bool(goflow.membership_pairs(node))


def check(match: Match) -> bool:
    """Whether a loop around the scan grows the scanned slice (and does not reset it)."""
    name = _scanned(match.node)
    if not name or not _is_search(match.node):
        return False
    for loop in functions.loop_ancestors(match.node, Language.GO):
        if _declared_inside(loop, name):
            return False
        if _appends(loop, name):
            return True
    return False
