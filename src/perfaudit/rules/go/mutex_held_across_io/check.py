"""Flag ``mu.Lock()`` when file, process, database or encoding work runs before the unlock."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go.locks import IO, NETWORK, held_calls


def check(match: Match) -> bool:
    calls = held_calls(match.node, match.path)
    if not calls:
        return False
    if any(NETWORK.match(name) for name in calls):
        return False  # reported by mutex-held-across-network-call
    return any(IO.match(name) for name in calls)
