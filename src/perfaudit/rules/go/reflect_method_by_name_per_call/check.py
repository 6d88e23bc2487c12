"""``MethodByName`` in a function that runs per call, with its result not cached.

Silent in ``main``/``init`` and set-up functions (``New…``, ``register…``, ``init…``), in
``sync.Once`` bodies, and when the function stores the result (a map entry, a
``sync.Map`` ``Store``/``LoadOrStore``, a struct field): that is the cache being filled.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import flow as goflow
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_SETUP_NAME = re.compile(r"^(New|new|Must|must|init|Init|setup|Setup|register|Register|build|Build)"
                         r"([A-Z_]|$)")
_STORE = re.compile(r"\.(Store|LoadOrStore|Add|Set|Put)$")


def _setup(fn: Node) -> bool:
    if fn.kind() == "func_literal":
        return False
    return common.is_startup(fn, Language.GO) or bool(_SETUP_NAME.match(fn.field_text("name")))


def _stored(fn: Node, name: str) -> bool:
    """Whether the looked-up method (``name``, or a value made from it) is stored in a map,
    field or cache."""
    names = goflow.derived_names(fn, {name})
    for stmt in fn.find_all(kind="assignment_statement"):
        left, right = stmt.field("left"), stmt.field("right")
        targets = left.named_children() if left is not None else []
        if right is None or not any(t.kind() in ("index_expression", "selector_expression")
                                    for t in targets):
            continue
        if names & gocode.identifier_names(right):
            return True
    for call in fn.find_all(kind="call_expression"):
        if _STORE.search(common.call_name(call)) and any(
                names & gocode.identifier_names(a) for a in gocode.call_args(call)):
            return True
    return False


def check(match: Match) -> bool:
    """A per-call reflective method lookup whose result is not kept."""
    call = match.node
    fn = functions.innermost_function(call, Language.GO)
    if fn is None or _setup(fn) or gocode.in_once_do(call):
        return False
    outer = goscope.function_scopes(call)
    if any(_setup(scope) for scope in outer):
        return False
    name = goscope.first_assigned_name(call)
    return name is None or not any(_stored(scope, name) for scope in outer)
