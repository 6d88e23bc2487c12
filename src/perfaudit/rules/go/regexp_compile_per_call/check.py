"""A literal pattern compiled in a function that runs repeatedly, outside loops and caches.

A function that runs once per process (a CLI command) is better off compiling on use than
at package initialisation, so the rule needs evidence of repetition: an HTTP handler, a
callback, or a call from inside a loop in the same file.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_ONCE_CALLBACK = re.compile(r"(\.Go|\.Do|OnceFunc|OnceValues?)$")  # runs the closure once
_SETUP_NAME = re.compile(r"^(New|new|Must|must|init|Init|setup|Setup|register|Register)([A-Z_]|$)")


def _cached(node: Node, root: Node) -> bool:
    """Whether the compiled value is stored for reuse (package var, struct field) or returned."""
    parent = node.parent()
    while parent is not None and parent.kind() in {"expression_list", "parenthesized_expression"}:
        parent = parent.parent()
    if parent is None:
        return False
    if parent.kind() in {"return_statement", "keyed_element", "literal_element"}:
        return True
    if parent.kind() == "assignment_statement":
        left = parent.field("left")
        text = left.text() if left is not None else ""
        return "." in text or text in gocode.package_var_names(root)
    return False


def _setup_function(scope: Node) -> bool:
    if scope.kind() == "func_literal":
        return False
    name = scope.field("name")
    text = name.text() if name is not None else ""
    return common.is_startup(scope, Language.GO) or bool(_SETUP_NAME.match(text))


def _repeated(scope: Node, root: Node) -> bool:
    """Whether the function plausibly runs many times: a request handler, a callback, or a
    function this file calls from inside a loop."""
    if common.is_http_handler(scope):
        return True
    if scope.kind() == "func_literal":
        parent = scope.parent()
        call = parent.parent() if parent is not None and parent.kind() == "argument_list" else None
        return call is not None and not _ONCE_CALLBACK.search(common.call_name(call))
    name = scope.field("name")
    return name is not None and gocode.called_in_loop(root, name.text())


def check(match: Match) -> bool:
    """Literal pattern, per-call position in a repeatedly run function, not cached."""
    node = match.node
    args = gocode.call_args(node)
    if not args or not gocode.is_string_literal(args[0]):
        return False
    if functions.in_loop(node, Language.GO):
        return False  # regexp-compile-in-loop reports it
    scope = functions.innermost_function(node, Language.GO)
    if scope is None or _setup_function(scope):
        return False
    if gocode.in_once_do(node) or _cached(node, match.root):
        return False
    return _repeated(scope, match.root)
