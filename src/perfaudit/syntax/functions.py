"""Functions and loops in a syntax tree: their kinds, names and nesting (pure).

Language-aware, rule-agnostic: the engine, the rules' facts, the LLM outline and the
linter locators all ask these.
"""


from __future__ import annotations

import re
from collections.abc import Iterator

from perfaudit.model import Language
from perfaudit.syntax.node import Node

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
    parts = [declared_name(fn)]
    parts.extend(declared_name(a) for a in fn.ancestors() if a.kind() in scopes)
    return ".".join(reversed(parts))


def declared_name(node: Node) -> str:
    """The name a declaration gives itself (``?`` when it has none)."""
    name = node.field("name")
    return name.text() if name is not None else "?"


def function_name(fn: Node, language: Language) -> str:
    """Display name of a function node: ``(*Runner).runTest``, ``Parser.parse``, ``main``."""
    if language is Language.GO and fn.kind() == "method_declaration":
        receiver = _go_receiver_type(fn)
        return f"{receiver}.{declared_name(fn)}" if receiver else declared_name(fn)
    if language is Language.PYTHON:
        return _python_qualname(fn)
    return declared_name(fn)


def enclosing_function(node: Node, language: Language) -> str | None:
    """Display name of the named function around ``node``, or None at top level."""
    fn = enclosing_function_node(node)
    return function_name(fn, language) if fn is not None else None


def parameters_text(fn: Node) -> str:
    """The source text of a function's parameter list ("" when it has none)."""
    params = fn.field("parameters")
    return params.text() if params is not None else ""


def loop_ancestors(node: Node, language: Language) -> list[Node]:
    """The loops around ``node`` within its own function, innermost first."""
    loops = LOOP_KINDS[language]
    return [a for a in ancestors_in_function(node, language) if a.kind() in loops]
