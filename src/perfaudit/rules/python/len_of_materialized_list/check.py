"""Skip counting over a small literal collection (``len([x for x in (a, b, c) if x])``)."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    inner = match.node.get_match("C")
    return inner is None or not py.iterates_literal(inner)
