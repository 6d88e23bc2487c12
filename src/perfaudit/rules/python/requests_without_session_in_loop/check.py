"""Module-level request helpers (the module really imported) called once per loop iteration,
directly or through a helper of the same module that is called repeatedly.

A function that wraps ``requests.get`` (``fetch_url``, ``_api_call``) and is called from a
loop, or from two or more places of its module, is how code ends up talking to the same host
over and over, each time with a fresh connection; ``main`` and one-off helpers are left out.
"""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.functions import declared_name
from perfaudit.syntax.node import Node

_ONCE = frozenset({"__init__", "__new__", "__enter__", "__exit__", "__del__", "setUp",
                   "setUpClass", "setup", "main"})


def _callers(fn: Node, root: Node) -> list[Node]:
    """Calls of ``fn`` in its module (``name(...)``, or ``self.name(...)`` for a method),
    outside ``fn`` itself."""
    name = declared_name(fn)
    owner = fn.parent()
    if owner is not None and owner.kind() == "decorated_definition":
        owner = owner.parent()
    method = owner is not None and owner.kind() == "block" \
        and (cls := owner.parent()) is not None and cls.kind() == "class_definition"
    spellings = {f"self.{name}", f"cls.{name}"} if method else {name}
    calls = [_call_of(ident) for ident in common.identifiers_named(root, name)]
    return [call for call in calls if call is not None and common.call_name(call) in spellings
            and not common.is_within(call, fn)]


def _call_of(ident: Node) -> Node | None:
    """The call whose callee ends in ``ident`` (``ident(...)``, ``self.ident(...)``)."""
    parent = ident.parent()
    if parent is not None and parent.kind() == "attribute":
        parent = parent.parent()
    return parent if parent is not None and parent.kind() == "call" else None


def _called_repeatedly(fn: Node | None, root: Node) -> bool:
    if fn is None or fn.kind() != "function_definition":
        return False
    if declared_name(fn) in _ONCE or common.is_startup(fn, Language.PYTHON):
        return False
    callers = _callers(fn, root)
    return len(callers) >= 2 or any(py.iteration_loops(call) for call in callers)


def check(match: Match) -> bool:
    module = common.call_name(match.node).split(".", 1)[0]
    fn = py.function_of(match.node)
    if fn is not None and py.assignments_to(fn, module):
        return False  # a local variable named like the module
    if not py.imports_module(match.root, module):
        return False
    return bool(py.iteration_loops(match.node)) or _called_repeatedly(fn, match.root)
