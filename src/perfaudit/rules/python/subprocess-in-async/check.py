"""Directly inside an ``async def``."""

from __future__ import annotations

from perfaudit.rules import pyhelpers as py
from perfaudit.rules.match import Match


def check(match: Match) -> bool:
    return py.is_async(py.function_of(match.node))
