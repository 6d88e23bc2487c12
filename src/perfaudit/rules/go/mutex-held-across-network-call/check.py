"""Flag ``mu.Lock()`` when a network round trip runs before the unlock."""

from __future__ import annotations

from perfaudit.rules.golock import NETWORK, held_calls
from perfaudit.rules.match import Match


def check(match: Match) -> bool:
    calls = held_calls(match.node, match.path)
    return bool(calls) and any(NETWORK.match(name) for name in calls)
