"""Directly inside an ``async def``; bare ``urlopen`` only when imported from urllib.request."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py


def check(match: Match) -> bool:
    if not py.is_async(py.function_of(match.node)):
        return False
    name = common.call_name(match.node)
    if name == "urlopen":
        return py.module_imports(match.root, "urllib.request", "urlopen")
    return name.startswith("urllib.") or py.imports_module(match.root, name.split(".", 1)[0])
