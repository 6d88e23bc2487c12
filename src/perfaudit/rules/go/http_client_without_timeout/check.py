"""``http.Client`` literals without ``Timeout``, and default-client calls made in loops or fan-outs.

Silent when the file builds requests with a context (``NewRequestWithContext``,
``req.WithContext``): the caller's deadline bounds each request instead.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go.lifetimes import go_assigned_names, go_assignment_of, is_test_support_path
from perfaudit.syntax import functions
from perfaudit.syntax.functions import enclosing_function_node, in_loop
from perfaudit.syntax.node import Node

_CONTEXT_REQUESTS = re.compile(r"NewRequestWithContext|\.WithContext\(|\.Clone\(ctx\)")


def _keys(literal: Node) -> set[str]:
    body = literal.field("body")
    if body is None:
        return set()
    return {el.named_children()[0].text().strip() for el in body.named_children()
            if el.kind() == "keyed_element" and el.named_children()}


def _timeout_assigned_later(literal: Node, source: str) -> bool:
    stmt = go_assignment_of(literal)
    if stmt is None:
        return False
    names = go_assigned_names(stmt)
    if not names:
        left = stmt.field("left")
        if left is None:
            return True  # no target to follow: stay silent rather than guess
        names = [left.text().strip()]
    return any(re.search(rf"(?<![\w.]){re.escape(n)}\.Timeout\s*=[^=]", source) for n in names)


def _per_item(call: Node) -> bool:
    if in_loop(call, Language.GO):
        return True
    fn = functions.innermost_function(call, Language.GO)
    while fn is not None and fn.kind() == "func_literal":
        wrapper = fn.parent()
        if wrapper is not None and wrapper.kind() == "call_expression":
            wrapper = wrapper.parent()
        if wrapper is not None and wrapper.kind() == "go_statement" and in_loop(wrapper, Language.GO):
            return True
        fn = functions.innermost_function(fn, Language.GO)
    return False


def check(match: Match) -> bool:
    node = match.node
    if _CONTEXT_REQUESTS.search(match.source) or is_test_support_path(match.path):
        return False
    if node.kind() == "composite_literal":
        fn = enclosing_function_node(node)
        if fn is not None and "Timeout" in fn.text():
            return False  # a transport, dialer or option timeout bounds the stall
        return "Timeout" not in _keys(node) and not _timeout_assigned_later(node, match.source)
    return _per_item(node)
