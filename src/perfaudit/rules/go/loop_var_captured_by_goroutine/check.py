"""A goroutine, deferred or errgroup closure that reads the enclosing loop's variable.

Before Go 1.22 every iteration shares one variable, so the closure sees whatever value the
loop has reached when it runs. Silent when the loop body re-declares the variable
(``v := v``) or the closure receives it as an argument.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.common import identifiers
from perfaudit.rules.facts.go.lifetimes import names_used
from perfaudit.syntax.functions import loop_ancestors


def _loop_vars(loop: object) -> set[str]:
    for child in loop.children():  # type: ignore[attr-defined]
        if child.kind() == "range_clause":
            left = child.field("left")
            return identifiers(left) - {"_"} if left is not None else set()
        if child.kind() == "for_clause":
            init = child.field("initializer")
            if init is not None and init.kind() == "short_var_declaration":
                return identifiers(init.field("left")) - {"_"}
    return set()


def _redeclared(name: str, loop: object, before: object) -> bool:
    body = loop.field("body")  # type: ignore[attr-defined]
    pattern = re.compile(rf"(^|[\s,]){re.escape(name)}(\s*,\s*\w+)*\s*:=")
    return body is not None and any(
        pattern.search(stmt.text()) and stmt.range().start.index < before.range().start.index  # type: ignore[attr-defined]
        for stmt in body.find_all(kind="short_var_declaration")
    )


def check(match: Match) -> bool:
    literal = match.node
    body = literal.field("body")
    if body is None:
        return False
    for loop in loop_ancestors(literal, Language.GO):
        for name in _loop_vars(loop):
            if names_used(body, name) and not _redeclared(name, loop, literal):
                params = literal.field("parameters")
                if params is not None and name in identifiers(params):
                    continue
                return True
    return False
