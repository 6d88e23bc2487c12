"""A ``try`` that is the whole body of a ``for`` loop, guarding one or two simple statements."""

from __future__ import annotations

from perfaudit.rules import pyhelpers as py
from perfaudit.rules.match import Match

_SIMPLE = ("expression_statement", "return_statement", "continue_statement", "break_statement")


def check(match: Match) -> bool:
    loops = py.iteration_loops(match.node)
    if not loops or loops[0].kind() != "for_statement":
        return False
    body = loops[0].field("body")
    if body is None or len(body.named_children()) != 1 or body.named_children()[0] != match.node:
        return False
    guarded = match.node.field("body")
    stmts = guarded.named_children() if guarded is not None else []
    return 0 < len(stmts) <= 2 and all(s.kind() in _SIMPLE for s in stmts)
