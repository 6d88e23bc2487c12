"""The parsed argument is invariant in the innermost per-iteration loop."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    arg = match.node.get_match("A")
    if arg is None or arg.kind() in ("string", "concatenated_string"):
        return False
    return py.invariant_in_innermost(arg, match.node) is not None
