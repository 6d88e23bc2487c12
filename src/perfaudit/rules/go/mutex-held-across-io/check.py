"""Flag ``mu.Lock()`` when file, process, database or encoding work runs before the unlock."""

from __future__ import annotations

from perfaudit.rules.golock import IO, NETWORK, held_calls
from perfaudit.rules.match import Match


def check(match: Match) -> bool:
    calls = held_calls(match.node, match.path)
    if not calls:
        return False
    if any(NETWORK.match(name) for name in calls):
        return False  # reported by mutex-held-across-network-call
    return any(IO.match(name) for name in calls)
