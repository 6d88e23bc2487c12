"""``context.Background()`` in ``main`` of a program that never handles SIGINT/SIGTERM.

Only mains with deferred cleanup that matters at exit count (removing files, flushing,
graceful shutdown, stopping a profile): without a signal handler Ctrl+C kills the process
before those defers run. Closing sockets or files is left out: the OS does that anyway.
One finding per ``main``, on its first background context.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go.lifetimes import own_nodes
from perfaudit.syntax.functions import enclosing_function_node, function_name
from perfaudit.syntax.node import Node

_PACKAGE_MAIN = re.compile(r"^package\s+main\b", re.MULTILINE)
_SIGNALS = ("signal.Notify", "signal.NotifyContext")
_CLEANUP = re.compile(
    r"^(os\.(Remove|RemoveAll)|pprof\.StopCPUProfile|trace\.Stop|(\w+\.)*(Flush|Sync|Shutdown"
    r"|GracefulStop|ForceFlush|Commit|Rollback))$"
)
_BACKGROUND = ("context.Background", "context.TODO")


def _matters(defer: Node) -> bool:
    return any(_CLEANUP.match(common.call_name(c)) for c in defer.find_all(kind="call_expression"))


def check(match: Match) -> bool:
    fn = enclosing_function_node(match.node)
    if fn is None or fn.kind() != "function_declaration" or function_name(fn, Language.GO) != "main":
        return False
    if not _PACKAGE_MAIN.search(match.source) or any(s in match.source for s in _SIGNALS):
        return False
    first = next(c for c in fn.find_all(kind="call_expression") if common.call_name(c) in _BACKGROUND)
    if first != match.node:
        return False
    return any(_matters(d) for d in own_nodes(fn, "defer_statement"))
