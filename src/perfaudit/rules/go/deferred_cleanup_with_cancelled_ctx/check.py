"""A deferred ``Shutdown(ctx)``/``Close(ctx)`` that reuses a context cancelled by the time it runs.

The context counts as "likely cancelled" when it is the function's ``ctx`` parameter, or
was made by ``signal.NotifyContext``, ``context.WithCancel`` or ``errgroup.WithContext``,
or derived by ``WithTimeout``/``WithDeadline`` from one of those. A context built just for
the cleanup (``context.WithTimeout(context.Background(), d)``, ``context.WithoutCancel``)
is the fix and stays silent.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go.lifetimes import go_assigned_names, go_context_params, own_nodes
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_CLEANUP = re.compile(
    r"\.(Shutdown|Stop|Close|Flush|ForceFlush|Cleanup|Release|Deregister|Unregister|Disconnect)$"
)
_CANCELLING = re.compile(r"^(signal\.NotifyContext|context\.WithCancel\w*|errgroup\.WithContext)$")
_DERIVING = re.compile(r"^context\.(WithTimeout|WithDeadline)\w*$")


def _last_source(name: str, fn: Node, before: int) -> Node | None:
    """The call that last assigned ``name`` before offset ``before`` (None: not assigned)."""
    found = None
    for kind in ("short_var_declaration", "assignment_statement"):
        for stmt in own_nodes(fn, kind):
            if stmt.range().start.index < before and name in go_assigned_names(stmt):
                right = stmt.field("right")
                call = right.named_children()[0] if right is not None and right.named_children() else None
                if found is None or stmt.range().start.index > found[0]:
                    found = (stmt.range().start.index, call)
    return found[1] if found else None


def _cancelled(name: str, fn: Node, before: int, depth: int = 0) -> bool:
    source = _last_source(name, fn, before)
    if source is None:
        return name in go_context_params(fn)
    if source.kind() != "call_expression" or depth > 3:
        return False
    called = common.call_name(source)
    if _CANCELLING.match(called):
        return True
    args = source.field("arguments")
    parent = args.named_children()[0] if args is not None and args.named_children() else None
    if _DERIVING.match(called) and parent is not None and parent.kind() == "identifier":
        return _cancelled(parent.text(), fn, source.range().start.index, depth + 1)
    return False


def check(match: Match) -> bool:
    defer = match.node
    fn = functions.innermost_function(defer, Language.GO)
    if fn is None:
        return False
    for call in defer.find_all(kind="call_expression"):
        if not _CLEANUP.search(common.call_name(call)):
            continue
        args = call.field("arguments")
        for arg in args.named_children() if args is not None else []:
            if arg.kind() == "identifier" and _cancelled(arg.text(), fn, defer.range().start.index):
                return True
    return False
