"""Facts every language's rules ask: calls, identifiers, entry points (pure)."""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.syntax.functions import declared_name, parameters_text
from perfaudit.syntax.node import Node

_SPACE = re.compile(r"\s+")


def call_name(call: Node) -> str:
    """The called expression of a call, whitespace removed: ``s.mu.Lock``, ``regexp.MustCompile``,
    ``requests.get`` (Go ``call_expression`` or Python ``call``; "" when it has none).

    Whitespace goes so that a chain split over lines reads as it would on one line (``os.path``
    then ``.join`` on the next is ``os.path.join``); string literals in the callee lose theirs too.
    """
    fn = call.field("function")
    return _SPACE.sub("", fn.text()) if fn is not None else ""


def is_http_handler(fn: Node | None) -> bool:
    """Whether a Go function takes an ``http.ResponseWriter`` (runs once per request)."""
    return fn is not None and "http.ResponseWriter" in parameters_text(fn)


def is_startup(fn: Node | None, language: Language) -> bool:
    """Whether a function runs once per process: Go ``main``/``init``, Python ``main``."""
    if fn is None:
        return False
    name = declared_name(fn)
    if language is Language.GO:
        return fn.kind() == "function_declaration" and name in {"main", "init"}
    return name == "main"


def identifiers(node: Node) -> set[str]:
    """Every identifier spelled inside ``node``."""
    kinds = ("identifier", "field_identifier", "type_identifier", "package_identifier")
    found: set[str] = set()
    for kind in kinds:
        found.update(child.text() for child in node.find_all(kind=kind))
    if node.kind() in kinds:
        found.add(node.text())
    return found


def identifiers_named(scope: Node, name: str) -> list[Node]:
    """Every ``identifier`` node spelled ``name`` inside ``scope``, in source order.

    The index of a scope's identifiers is built once per file: predicates ask it of the same
    function for every match in it, and a function can hold thousands.
    """
    index: dict[str, list[Node]] = scope.remember(identifiers_named, lambda: _identifier_index(scope))
    return list(index.get(name, ()))


def _identifier_index(scope: Node) -> dict[str, list[Node]]:
    index: dict[str, list[Node]] = {}
    for ident in scope.find_all(kind="identifier"):
        index.setdefault(ident.text(), []).append(ident)
    return index


def is_within(node: Node, outer: Node) -> bool:
    """Whether ``node`` lies inside ``outer`` (or is it): a byte-range test first, the
    ancestors only where the ranges nest (a node and its only child share a range)."""
    inner_range, outer_range = node.range(), outer.range()
    if not (outer_range.start.index <= inner_range.start.index
            and inner_range.end.index <= outer_range.end.index):
        return False
    return bool(node == outer or any(a == outer for a in node.ancestors()))
