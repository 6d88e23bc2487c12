"""An ``http.Transport`` whose ``MaxIdleConns`` is set while ``MaxIdleConnsPerHost`` is not.

Fires on the ``MaxIdleConns:`` element of an ``http.Transport{...}`` literal, or on
``t.MaxIdleConns = n`` where ``t`` is visibly a transport (declared as one, built from a
literal or cloned from another). Silent when the same function mentions
``MaxIdleConnsPerHost`` anywhere (a later assignment, a copied field), when keep-alives are
disabled, and when the value is a literal of at most 2 (nothing to lose per host).
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_TRANSPORT_TYPE = re.compile(r"^\*?http\.Transport$")
_TRANSPORT_VALUE = re.compile(r"^&?http\.Transport\{|\(\*http\.Transport\)\.Clone\(\)$"
                              r"|^new\(http\.Transport\)$")
_SMALL = re.compile(r"^[0-2]$")


def _transport_literal(element: Node) -> Node | None:
    body = element.parent()
    literal = body.parent() if body is not None else None
    if literal is None or literal.kind() != "composite_literal":
        return None
    kind = literal.field("type")
    return literal if kind is not None and _TRANSPORT_TYPE.match(kind.text()) else None


def _keys(literal: Node) -> dict[str, Node]:
    body = literal.field("body")
    out: dict[str, Node] = {}
    for element in body.named_children() if body is not None else []:
        if element.kind() == "keyed_element" and len(element.named_children()) == 2:
            key, value = element.named_children()
            out[key.text()] = value
    return out


def _is_transport(target: Node) -> bool:
    """Whether the operand of ``target.MaxIdleConns`` is visibly an ``*http.Transport``."""
    if target.kind() != "identifier":
        return False
    decl = goscope.find_declaration(target, target.text())
    if decl is None:
        return False
    if _TRANSPORT_TYPE.match((goscope.declared_type(decl) or "").replace(" ", "")):
        return True
    value = goscope.declared_value(decl, target.text())
    return value is not None and bool(_TRANSPORT_VALUE.search(re.sub(r"\s+", "", value.text())))


def _value(match: Match) -> Node | None:
    node = match.node
    if node.kind() == "keyed_element":
        parts = node.named_children()
        if len(parts) != 2 or parts[0].text() != "MaxIdleConns":
            return None
        literal = _transport_literal(node)
        if literal is None:
            return None
        keys = _keys(literal)
        if "MaxIdleConnsPerHost" in keys or keys.get("DisableKeepAlives", node).text() == "true":
            return None
        return parts[1]
    left, right = node.field("left"), node.field("right")
    targets = left.named_children() if left is not None else []
    values = right.named_children() if right is not None else []
    if len(targets) != 1 or len(values) != 1 or targets[0].kind() != "selector_expression":
        return None
    field, operand = targets[0].field("field"), targets[0].field("operand")
    if field is None or field.text() != "MaxIdleConns" or operand is None or not _is_transport(operand):
        return None
    return values[0]


def check(match: Match) -> bool:
    """``MaxIdleConns`` raised on a transport whose per-host limit stays at the default."""
    value = _value(match)
    if value is None or _SMALL.match(value.text()):
        return False
    fn = functions.innermost_function(match.node, Language.GO)
    scope = fn if fn is not None else match.root
    return "MaxIdleConnsPerHost" not in scope.text()
