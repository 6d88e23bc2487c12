"""``NAME = {}`` at module level, NAME says cache/memo, written in a function, never evicted."""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.syntax.node import Node

_CACHE_NAME = re.compile(r"cache|memo", re.IGNORECASE)
_EVICT = ("pop", "popitem", "clear")


def _target(match: Match) -> str | None:
    assign = match.node.child(0)
    if assign is None:
        return None
    left, right = assign.field("left"), assign.field("right")
    if left is None or right is None or left.kind() != "identifier":
        return None
    if not (right.text() in ("{}", "dict()") or right.text().startswith("defaultdict(")):
        return None
    return str(left.text()) if _CACHE_NAME.search(left.text()) else None


def _written_in_function(root: Node, name: str) -> bool:
    for fn in root.find_all(kind="function_definition"):
        if fn.find(pattern=f"{name}[$K] = $V") or fn.find(pattern=f"{name}.setdefault($$$)"):
            return True
    return False


def _evicted(root: Node, name: str) -> bool:
    if root.find(pattern=f"del {name}[$K]"):
        return True
    if root.find(pattern=f"{name} = $V", inside={"kind": "function_definition",
                                                 "stopBy": "end"}):
        return True
    return any(root.find(pattern=f"{name}.{m}($$$)") for m in _EVICT)


def check(match: Match) -> bool:
    name = _target(match)
    return name is not None and _written_in_function(match.root, name) and not _evicted(match.root, name)
