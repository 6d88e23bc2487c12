"""``defer resp.Body.Close()`` where the function never reads the body.

Silent when the body is read anywhere in the function, when the response value escapes
(passed to a function, returned, stored: someone else may read it), and for HEAD requests,
whose bodies are empty.
"""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go.lifetimes import go_assignment_of, names_used
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_METADATA = frozenset({"StatusCode", "Status", "Header", "ContentLength", "Proto", "Request",
                       "TLS", "Trailer", "Uncompressed", "ProtoMajor", "ProtoMinor"})


def _is_head(use: Node) -> bool:
    stmt = go_assignment_of(use)
    right = stmt.field("right") if stmt is not None else None
    if right is None:
        return False
    calls = [right, *right.find_all(kind="call_expression")]
    return any(c.kind() == "call_expression" and common.call_name(c).endswith("Head") for c in calls)


def check(match: Match) -> bool:
    defer = match.node
    selector = match.node.find(kind="selector_expression")
    if selector is None:
        return False
    name = selector.text().split(".")[0]
    fn = functions.innermost_function(defer, Language.GO)
    if fn is None:
        return False
    for use in names_used(fn, name):
        if defer in use.ancestors():
            continue
        parent = use.parent()
        if parent is not None and parent.kind() == "expression_list" and go_assignment_of(use) is not None:
            stmt = go_assignment_of(use)
            if stmt is not None and stmt.field("left") == parent:
                if _is_head(use):
                    return False
                continue  # the assignment that receives the response
        if parent is None or parent.kind() != "selector_expression":
            return False  # the response escapes: another function may read the body
        field = parent.field("field")
        if field is None or field.text() not in _METADATA:
            return False  # resp.Body (read) or a method call on the response
    return True
