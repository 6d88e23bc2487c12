"""Fire only when the pattern uses nothing the innermost loop changes, on every iteration."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go import code as gocode


def check(match: Match) -> bool:
    """Whether the compiled pattern is loop-invariant and compiled per iteration."""
    loop = gocode.innermost_loop(match.node)
    args = match.node.field("arguments")
    if loop is None or args is None or gocode.runs_once_in_loop(match.node, loop):
        return False
    return gocode.is_invariant(args, loop)
