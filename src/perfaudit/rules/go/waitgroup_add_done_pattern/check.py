"""``wg.Add(1)`` directly followed by ``go func() { defer wg.Done(); ... }()``: use ``wg.Go``."""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common


def check(match: Match) -> bool:
    call = match.node
    group = common.call_name(call).rsplit(".", 1)[0]
    stmt = call.parent()
    following = stmt.next() if stmt is not None else None
    while following is not None and following.kind() == "comment":
        following = following.next()
    if following is None or following.kind() != "go_statement":
        return False
    started = following.find(kind="call_expression")
    literal = started.field("function") if started is not None else None
    if started is None or literal is None or literal.kind() != "func_literal":
        return False
    args, params = started.field("arguments"), literal.field("parameters")
    if (args is not None and args.named_children()) or (params is not None and params.named_children()):
        return False  # wg.Go takes func(); argument-passing closures need rewriting first
    body = literal.field("body")
    statements = body.find_all(kind="defer_statement") if body is not None else []
    first = statements[0] if statements else None
    done = rf"defer\s+{re.escape(group)}\.Done\(\)"
    return first is not None and re.fullmatch(done, first.text().strip()) is not None
