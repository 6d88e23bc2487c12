"""Flag ``mu.Lock()`` when a network round trip runs before the unlock."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go.locks import NETWORK, held_calls


def check(match: Match) -> bool:
    calls = held_calls(match.node, match.path)
    return calls is not None and any(NETWORK.match(name) for name in calls)
