"""A collection built inline for one ``in`` test from data invariant where the test repeats.

Rebuilt per iteration: the collection uses nothing the innermost loop around the test binds
or mutates, and calls only pure builtins. Rebuilt per call: outside any loop, the collection
reads only module-level names (an Enum, a constant tuple) that the module never mutates.
Literal sources (``set((1, 2))``, a comprehension over three names) are small and skipped.
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.rules.facts.python import scope
from perfaudit.syntax.node import Node

_BUILDERS = frozenset({"set", "frozenset", "list", "tuple", "sorted"})
_COMPREHENSIONS = ("set_comprehension", "list_comprehension", "generator_expression")
_LITERALS = ("tuple", "list", "set", "string", "dictionary", "integer")
_BUILTINS = frozenset({"len", "str", "int", "getattr", "isinstance", "range", "type", "bool",
                       "True", "False", "None"})


def _source(built: Node) -> Node | None:
    """What the collection is built from: the comprehension's first iterable or the call's
    single argument; None when it is a literal or not a plain builder call."""
    if built.kind() in _COMPREHENSIONS:
        clause = next((c for c in built.children() if c.kind() == "for_in_clause"), None)
        source = clause.field("right") if clause is not None else None
    elif common.call_name(built) in _BUILDERS:
        args = built.field("arguments")
        named = args.named_children() if args is not None else []
        source = named[0] if len(named) == 1 and named[0].kind() != "keyword_argument" else None
    else:
        return None
    if source is None or source.kind() in _LITERALS:
        return None
    return source


def _free_names(built: Node) -> set[str]:
    own = py.loop_targets(built) if built.kind() in _COMPREHENSIONS else set()
    return py.names_in(built) - own - _BUILTINS - _BUILDERS


def _pure(built: Node) -> bool:
    inner = built.find_all(kind="call")
    return all(common.call_name(c) in py.PURE_CALLS or common.call_name(c) in _BUILDERS
               for c in inner)


def _per_iteration(built: Node, node: Node) -> bool:
    loops = py.iteration_loops(node)
    if not loops or py.is_retry_loop(loops[0]):
        return False
    return not _free_names(built) & py.changed_names(loops[0])


def _per_call(built: Node, fn: Node, root: Node) -> bool:
    names = _free_names(built)
    return bool(names) and names <= scope.module_names(root) \
        and not names & scope.local_names(fn) and not names & scope.mutated_names(root)


def check(match: Match) -> bool:
    built = match.node.get_match("C")
    fn = py.function_of(match.node)
    if built is None or fn is None or _source(built) is None or not _pure(built):
        return False
    return _per_iteration(built, match.node) or _per_call(built, fn, match.root)
