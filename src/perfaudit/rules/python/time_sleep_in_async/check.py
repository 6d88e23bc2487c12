"""Directly inside an ``async def`` (not a nested sync function or lambda)."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    if not py.is_async(py.function_of(match.node)):
        return False
    name = common.call_name(match.node)
    return name == "time.sleep" or (name == "sleep" and py.module_imports(match.root, "time", "sleep"))
