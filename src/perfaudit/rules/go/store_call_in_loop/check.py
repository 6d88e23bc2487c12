"""A store-like receiver queried with the element of a range loop over a collection."""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.go import code as gocode
from perfaudit.syntax.node import Node

_SQL_METHODS = frozenset({"Query", "QueryRow", "QueryContext", "QueryRowContext", "Exec", "ExecContext"})
_SQL_RECEIVER = re.compile(r"(?i)(^|[._])(db|tx|sqldb|database|pool|conn)$|[a-z](DB|Db|Tx)$")
_KV_RECEIVER = re.compile(r"(?i)(redis|rdb|memcache|etcd|kvclient|kv)$")
_CLIENT = re.compile(r"(?i)(^|\.)(client|cli)$")


def _receiver_fits(method: str, receiver: str, args: list[Node]) -> bool:
    if method in _SQL_METHODS:
        return bool(_SQL_RECEIVER.search(receiver))
    if _KV_RECEIVER.search(receiver):
        return True
    # go-redis / etcd style Get(ctx, key): a context first tells it apart from http.Client.Get(url)
    return bool(_CLIENT.search(receiver)) and len(args) == 2 and "ctx" in args[0].text().lower()


def check(match: Match) -> bool:
    """Whether the call is a per-element round trip in a loop over a collection."""
    node = match.node
    fn = node.field("function")
    operand = fn.field("operand") if fn is not None else None
    method = fn.field("field") if fn is not None else None
    loop = gocode.innermost_loop(node)
    if operand is None or method is None or loop is None:
        return False
    if gocode.range_clause(loop) is None or gocode.is_event_loop(loop):
        return False
    args = gocode.call_args(node)
    if not _receiver_fits(method.text(), operand.text(), args):
        return False
    if method.text() in _SQL_METHODS:
        args = args[2:] if method.text().endswith("Context") else args[1:]  # parameters only
    varying = gocode.loop_declared_names(loop) | gocode.assigned_roots(loop)
    return any(gocode.identifier_names(a) & varying for a in args)
