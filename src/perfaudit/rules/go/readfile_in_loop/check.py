"""The path is loop-invariant in a loop that iterates over items (not an event loop)."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go import code as gocode


def check(match: Match) -> bool:
    """Whether the file path is the same on every iteration of a collection loop."""
    node = match.node
    loop = gocode.innermost_loop(node)
    args = gocode.call_args(node)
    if loop is None or not args or gocode.is_event_loop(loop):
        return False
    if gocode.runs_once_in_loop(node, loop):
        return False
    return gocode.is_invariant(args[0], loop)
