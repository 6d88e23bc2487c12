"""``sql.Open`` whose pool the same function closes (``defer db.Close()`` or ``db.Close()``)."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go import code as gocode
from perfaudit.syntax import functions


def check(match: Match) -> bool:
    names = gocode.assigned_to(match.node)
    if not names or names[0].kind() != "identifier":
        return False  # stored in a field or a map: kept for later calls
    scope = functions.innermost_function(match.node, Language.GO)
    body = scope.field("body") if scope is not None else None
    if body is None:
        return False
    pool = names[0].text()
    return any(call.text().startswith(f"{pool}.Close(") for call in body.find_all(kind="call_expression"))
