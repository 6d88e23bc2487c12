"""An ``http.Server`` literal is fine when a read timeout is set in it or assigned later."""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go.lifetimes import go_assigned_names, go_assignment_of
from perfaudit.syntax.functions import enclosing_function_node
from perfaudit.syntax.node import Node

_TIMEOUTS = ("ReadHeaderTimeout", "ReadTimeout")
# A debug or pprof listener bound to loopback is not reachable by slow remote clients.
_LOOPBACK_IN_TEXT = re.compile(r'"(localhost|127\.0\.0\.1|\[::1\])[:"%]')
_LOOPBACK = re.compile(r'^"(localhost|127\.0\.0\.1|\[::1\])[:"]')


def _keys(literal: Node) -> set[str]:
    body = literal.field("body")
    if body is None:
        return set()
    keys = set()
    for element in body.named_children():
        key = element.field("key") if element.kind() == "keyed_element" else None
        if key is None and element.kind() == "keyed_element":
            key = element.named_children()[0]
        if key is not None:
            keys.add(key.text().strip())
    return keys


def _target(literal: Node) -> str:
    stmt = go_assignment_of(literal)
    if stmt is None:
        return ""
    names = go_assigned_names(stmt)
    if names:
        return names[0]
    left = stmt.field("left")
    return left.text().strip() if left is not None else ""


def check(match: Match) -> bool:
    node = match.node
    if node.kind() != "composite_literal":
        args = node.field("arguments")
        first = args.named_children()[0].text() if args is not None and args.named_children() else ""
        return not _LOOPBACK.match(first)
    if _keys(node) & set(_TIMEOUTS):
        return False
    fn = enclosing_function_node(node)
    if fn is not None and _LOOPBACK_IN_TEXT.search(fn.text()):
        return False  # served on a loopback listener built in the same function
    if "net.Listen(" in match.source and _LOOPBACK_IN_TEXT.search(match.source):
        return False  # the file builds its own loopback listener for this server
    target = _target(node)
    if not target:
        return True
    later = re.compile(rf"(?<![\w.]){re.escape(target)}\.({'|'.join(_TIMEOUTS)})\s*=[^=]")
    return not later.search(match.source)
