"""Syntax-tree helpers shared by the engine and by rules' ``check.py`` predicates (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from perfaudit.model import Language

Node = Any  # perfaudit.rules.tsnode.Node; kept loose so check.py files import nothing for it

FUNCTION_KINDS = {
    Language.GO: frozenset({"function_declaration", "method_declaration", "func_literal"}),
    Language.PYTHON: frozenset({"function_definition", "lambda"}),
}
NAMED_FUNCTION_KINDS = frozenset({"function_declaration", "method_declaration", "function_definition"})
LOOP_KINDS = {
    Language.GO: frozenset({"for_statement"}),
    Language.PYTHON: frozenset(
        {
            "for_statement",
            "while_statement",
            "list_comprehension",
            "set_comprehension",
            "dictionary_comprehension",
            "generator_expression",
        }
    ),
}
_TYPE_PARAMS = re.compile(r"\[.*\]$")
_SPACE = re.compile(r"\s+")


def ancestors_in_function(node: Node, language: Language) -> Iterator[Node]:
    """Ancestors of ``node`` up to, not including, the nearest function or closure."""
    stop = FUNCTION_KINDS[language]
    for ancestor in node.ancestors():
        if ancestor.kind() in stop:
            return
        yield ancestor


def loop_depth(node: Node, language: Language) -> int:
    """How many loops enclose ``node`` within its own function or closure."""
    loops = LOOP_KINDS[language]
    return sum(1 for ancestor in ancestors_in_function(node, language) if ancestor.kind() in loops)


def in_loop(node: Node, language: Language) -> bool:
    """Whether ``node`` runs once per iteration of a loop in its own function."""
    return loop_depth(node, language) > 0


def innermost_function(node: Node, language: Language) -> Node | None:
    """The nearest function around ``node``, closures and lambdas included.

    Answers are remembered per file for every node passed on the way up: predicates ask
    this for most matches, and matches in one function share the climb.
    """
    kinds, memo = FUNCTION_KINDS[language], node.get_root().memo
    climbed = []
    found: Node | None = None
    for ancestor in node.ancestors():
        if ancestor.kind() in kinds:
            found = ancestor
            break
        key = ("function", ancestor.ts.id)  # the function around this (non-function) node
        if key in memo:
            found = memo[key]
            break
        climbed.append(key)
    for key in climbed:
        memo[key] = found
    return found


def call_name(call: Node) -> str:
    """The called expression of a call, whitespace removed: ``s.mu.Lock``, ``regexp.MustCompile``."""
    fn = call.field("function")
    return _SPACE.sub("", fn.text()) if fn is not None else ""


def in_closure(node: Node, language: Language) -> bool:
    """Whether ``node`` sits in a closure or lambda rather than directly in a named function."""
    inner = innermost_function(node, language)
    return inner is not None and inner.kind() not in NAMED_FUNCTION_KINDS


def enclosing_function_node(node: Node) -> Node | None:
    """The nearest named function or method declaration around ``node``."""
    for ancestor in node.ancestors():
        if ancestor.kind() in NAMED_FUNCTION_KINDS:
            return ancestor
    return None


def _go_receiver_type(method: Node) -> str:
    receiver = method.field("receiver")
    if receiver is None:
        return ""
    for param in receiver.named_children():
        type_node = param.field("type")
        if type_node is None:
            continue
        text = _TYPE_PARAMS.sub("", type_node.text().replace(" ", ""))
        return f"({text})" if text.startswith("*") else text
    return ""


def _python_qualname(fn: Node) -> str:
    scopes = {"class_definition", "function_definition"}
    parts = [_name_of(fn)]
    parts.extend(_name_of(a) for a in fn.ancestors() if a.kind() in scopes)
    return ".".join(reversed(parts))


def _name_of(node: Node) -> str:
    name = node.field("name")
    return name.text() if name is not None else "?"


def function_name(fn: Node, language: Language) -> str:
    """Display name of a function node: ``(*Runner).runTest``, ``Parser.parse``, ``main``."""
    if language is Language.GO and fn.kind() == "method_declaration":
        receiver = _go_receiver_type(fn)
        return f"{receiver}.{_name_of(fn)}" if receiver else _name_of(fn)
    if language is Language.PYTHON:
        return _python_qualname(fn)
    return _name_of(fn)


def enclosing_function(node: Node, language: Language) -> str | None:
    """Display name of the named function around ``node``, or None at top level."""
    fn = enclosing_function_node(node)
    return function_name(fn, language) if fn is not None else None


def parameters_text(fn: Node) -> str:
    """The source text of a function's parameter list ("" when it has none)."""
    params = fn.field("parameters")
    return params.text() if params is not None else ""


def is_http_handler(fn: Node | None) -> bool:
    """Whether a Go function takes an ``http.ResponseWriter`` (runs once per request)."""
    return fn is not None and "http.ResponseWriter" in parameters_text(fn)


def is_startup(fn: Node | None, language: Language) -> bool:
    """Whether a function runs once per process: Go ``main``/``init``, Python ``main``."""
    if fn is None:
        return False
    name = _name_of(fn)
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


def loop_ancestors(node: Node, language: Language) -> list[Node]:
    """The loops around ``node`` within its own function, innermost first."""
    loops = LOOP_KINDS[language]
    return [a for a in ancestors_in_function(node, language) if a.kind() in loops]


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
