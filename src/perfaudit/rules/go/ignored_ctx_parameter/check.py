"""A named ``ctx context.Context`` parameter that the body never uses, while the body blocks.

Only bodies that wait (select, channel operations, ``time.Sleep``, ``Wait``), make network
or database calls, or create a fresh background context count: a stub that returns, panics
or does quick in-memory work ignores ``ctx`` harmlessly (often to satisfy an interface).
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go.lifetimes import go_context_params, names_used
from perfaudit.syntax.node import Node

_BLOCKING_CALL = re.compile(
    r"^(time\.Sleep|context\.(Background|TODO)|http\.(Get|Post|Head|PostForm|NewRequest)"
    r"|net\.Dial\w*|exec\.Command|(\w+\.)*\w*[cC]lient\.(Do|Get|Post|Head)"
    r"|(\w+\.)*(Wait|Query|QueryRow|Exec|Dial|Invoke|NewStream|Recv|Send|Acquire))$"
)


def _blocks(body: Node) -> bool:
    for kind in ("select_statement", "send_statement"):
        if body.find(kind=kind) is not None:
            return True
    for unary in body.find_all(kind="unary_expression"):
        if unary.text().startswith("<-"):
            return True
    return any(_BLOCKING_CALL.match(common.call_name(c)) for c in body.find_all(kind="call_expression"))


def check(match: Match) -> bool:
    fn = match.node
    body = fn.field("body")
    names = go_context_params(fn)
    if body is None or not names:
        return False
    if any(names_used(body, name) for name in names):
        return False
    return _blocks(body)
