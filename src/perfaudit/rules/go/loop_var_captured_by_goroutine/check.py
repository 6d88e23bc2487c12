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
from perfaudit.syntax.node import Node


def _loop_vars(loop: Node) -> set[str]:
    for child in loop.children():
        if child.kind() == "range_clause":
            left = child.field("left")
            return identifiers(left) - {"_"} if left is not None else set()
        if child.kind() == "for_clause":
            init = child.field("initializer")
            names = init.field("left") if init is not None else None
            if init is not None and init.kind() == "short_var_declaration" and names is not None:
                return identifiers(names) - {"_"}
    return set()


def _redeclared(name: str, loop: Node, before: Node) -> bool:
    body = loop.field("body")
    pattern = re.compile(rf"(^|[\s,]){re.escape(name)}(\s*,\s*\w+)*\s*:=")
    return body is not None and any(
        pattern.search(stmt.text()) and stmt.range().start.index < before.range().start.index
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
