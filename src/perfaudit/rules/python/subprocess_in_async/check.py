"""Directly inside an ``async def``."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    return py.is_async(py.function_of(match.node))
