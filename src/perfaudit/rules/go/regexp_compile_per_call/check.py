"""A literal pattern compiled on every call of a function, outside loops and caches.

How often the function runs is the heat model's business: a match on a request path is a
finding, one in a command that runs once is left out as cold, one with no evidence either
way as unproven. The rule itself skips only what is never per call: set-up functions,
``sync.Once`` bodies, and compiled values stored for reuse.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

# runs the closure once, ever (`once.Do` bodies are gocode.in_once_do's)
_ONCE_CALLBACK = re.compile(r"Once(Func|Values?)$")
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


def _once_closure(scope: Node) -> bool:
    """A closure handed to ``sync.OnceFunc`` / ``sync.OnceValue(s)``: it runs once."""
    if scope.kind() != "func_literal":
        return False
    parent = scope.parent()
    call = parent.parent() if parent is not None and parent.kind() == "argument_list" else None
    return call is not None and bool(_ONCE_CALLBACK.search(common.call_name(call)))


def _setup_function(scope: Node) -> bool:
    if scope.kind() == "func_literal":
        return False
    name = scope.field("name")
    text = name.text() if name is not None else ""
    return common.is_startup(scope, Language.GO) or bool(_SETUP_NAME.match(text))


def check(match: Match) -> bool:
    """Literal pattern, compiled per call (not in a loop, set-up, once body or cache)."""
    node = match.node
    args = gocode.call_args(node)
    if not args or not gocode.is_string_literal(args[0]):
        return False
    if functions.in_loop(node, Language.GO):
        return False  # regexp-compile-in-loop reports it
    scope = functions.innermost_function(node, Language.GO)
    if scope is None or _setup_function(scope):
        return False
    return not (gocode.in_once_do(node) or _cached(node, match.root) or _once_closure(scope))
