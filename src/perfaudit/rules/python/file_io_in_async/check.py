"""Directly inside an ``async def`` (not a nested function or lambda run elsewhere)."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    fn = py.function_of(match.node)
    parent = match.node.parent()
    if fn is None or not py.is_async(fn) or (parent is not None and parent.kind() == "await"):
        return False  # `await anyio.Path(p).read_bytes()` is already asynchronous
    name = common.call_name(match.node)
    return name != "open" or not py.assignments_to(fn, "open")
