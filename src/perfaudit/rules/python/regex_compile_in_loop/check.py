"""Every argument of ``re.compile`` is invariant in the innermost per-iteration loop."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    args = match.node.field("arguments")
    loops = py.iteration_loops(match.node)
    if args is None or not loops or py.is_retry_loop(loops[0]):
        return False
    return all(py.is_invariant(arg, loops[0]) for arg in args.named_children())
