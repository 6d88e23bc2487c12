"""A logger-looking receiver, a formatted first argument, once per loop iteration."""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node

_LOGGER = re.compile(r"(^|\.)(_?log|_?logger|LOG|LOGGER|logging|_?LOG|log_?\w*|\w*_log(ger)?)$",
                     re.IGNORECASE)


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
    args = match.node.get_multiple_matches("ARGS")
    log, msg = match.node.get_match("LOG"), (args[0] if args else None)
    if log is None or msg is None or not _LOGGER.search(log.text()):
        return False
    return _formatted(msg) and bool(py.iteration_loops(match.node))
