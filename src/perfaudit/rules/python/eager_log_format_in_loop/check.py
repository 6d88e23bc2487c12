"""A logger-looking receiver and a formatted first argument, repeated per item.

Per item means once per iteration of a loop, or once per call of a tree visitor's per-node
method (``visit_*``, ``depart_*``, ``generic_visit``, ``dispatch_visit``: the ``ast`` /
docutils visitor protocol calls them once per node of the tree it walks). A log call once
per request elsewhere costs a microsecond against a whole request and is left alone; one
already guarded by ``isEnabledFor`` (or another debug-only test) pays nothing when debug is
off.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_LOGGER = re.compile(r"(^|\.)(_?log|_?logger|LOG|LOGGER|logging|_?LOG|log_?\w*|\w*_log(ger)?)$",
                     re.IGNORECASE)
_PER_NODE = re.compile(r"^(visit|depart|leave)_\w+$|^(generic_visit|dispatch_visit|dispatch_departure)$")
_DEBUG_TEST = re.compile(r"isEnabledFor|getEffectiveLevel|\bdebug\b|DEBUG|verbose", re.IGNORECASE)


def _formatted(msg: Node) -> bool:
    kind = msg.kind()
    if kind == "string":
        return msg.find(kind="interpolation") is not None
    if kind == "binary_operator":
        op = msg.child(1)
        left = msg.field("left")
        return op is not None and op.text() in ("%", "+") and left is not None \
            and left.kind() == "string"
    if kind == "call":
        return common.call_name(msg).endswith(".format")
    return False


def check(match: Match) -> bool:
    """Whether a log call formats its message eagerly on a per-iteration or per-node path."""
    args = match.node.get_multiple_matches("ARGS")
    log, msg = match.node.get_match("LOG"), (args[0] if args else None)
    if log is None or msg is None or not _LOGGER.search(log.text()):
        return False
    fn = py.function_of(match.node)
    if not _formatted(msg) or fn is None or _guarded(match.node):
        return False
    if py.iteration_loops(match.node):
        return True
    name = fn.field("name")
    return name is not None and _PER_NODE.match(name.text()) is not None


def _guarded(node: Node) -> bool:
    """Whether an enclosing ``if`` of the same function tests a debug level or flag."""
    for ancestor in node.ancestors():
        kind = ancestor.kind()
        if kind in py.FUNCTION_KINDS:
            return False
        if kind == "if_statement":
            condition = ancestor.field("condition")
            if (condition is not None and _DEBUG_TEST.search(condition.text())
                    and py.within(node, ancestor.field("consequence"))):
                return True
    return False
