"""A ``try`` that is the whole body of a ``for`` loop around one or two cheap statements.

When the guarded code calls other functions, the handler set-up is noise next to the call.
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_SIMPLE = ("expression_statement", "return_statement", "continue_statement", "break_statement")
_CHEAP_CALLS = ("int", "float", "str", "bytes", "len", "ord", "chr", "bool")


def _cheap(stmt: Node) -> bool:
    calls = list(stmt.find_all(kind="call"))
    callees = [common.call_name(c) for c in calls]
    return all(name in _CHEAP_CALLS or name.endswith((".append", ".add")) for name in callees)


def check(match: Match) -> bool:
    loops = py.iteration_loops(match.node)
    if not loops or loops[0].kind() != "for_statement":
        return False
    body = loops[0].field("body")
    if body is None or len(body.named_children()) != 1 or body.named_children()[0] != match.node:
        return False
    guarded = match.node.field("body")
    stmts = guarded.named_children() if guarded is not None else []
    return 0 < len(stmts) <= 2 and all(s.kind() in _SIMPLE and _cheap(s) for s in stmts)
