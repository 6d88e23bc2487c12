"""A read of a path that the innermost per-iteration loop never changes."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_WRITE_MODES = ("w", "a", "x", "+")


def _is_read(call: Node) -> bool:
    args = call.field("arguments")
    if args is None:
        return True
    for arg in args.named_children()[1:]:
        value = arg.field("value") if arg.kind() == "keyword_argument" else arg
        name = arg.field("name") if arg.kind() == "keyword_argument" else None
        if name is not None and name.text() != "mode":
            continue
        if value is not None and any(m in value.text() for m in _WRITE_MODES):
            return False
        if name is None:
            break
    return True


def check(match: Match) -> bool:
    path = match.node.get_match("P")
    if path is None or path.kind() == "integer":
        return False
    if common.call_name(match.node) == "open" and not _is_read(match.node):
        return False
    return py.invariant_in_innermost(path, match.node) is not None
