"""``context.Background()`` where the function already holds a request or caller context."""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go.lifetimes import comment_above, go_parameters, is_test_support_path, runs_later
from perfaudit.syntax.functions import enclosing_function_node

_REQUEST_TYPES = ("context.Context", "*http.Request")
_INTENT = re.compile(r"(?i)background|outlive|detach|independent|cancel|shutdown|cleanup")


def check(match: Match) -> bool:
    node = match.node
    fn = enclosing_function_node(node)
    if fn is None or runs_later(node) or is_test_support_path(match.path):
        return False
    if _INTENT.search(comment_above(node, match.source)):
        return False  # the comment says why the caller's context is not used
    parent = node.parent()
    outer = parent.parent() if parent is not None else None
    if outer is not None and outer.kind() == "call_expression" \
            and common.call_name(outer).startswith("context.WithCancel"):
        return False  # a fresh root with its own lifecycle, created on purpose
    return any(kind in _REQUEST_TYPES and name != "_" for name, kind in go_parameters(fn))
