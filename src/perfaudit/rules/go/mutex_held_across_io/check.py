"""Flag ``mu.Lock()`` when file, process, database or encoding work runs before the unlock.

Left out: a mutex whose declaration (or the comment above the ``Lock``) says it serialises
the writes or guards the file, since holding it across the I/O is its purpose, and a one-time
lazy load (``if c.values == nil { ...read...; c.values = ... }``), which runs once.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.common import call_name
from perfaudit.rules.facts.go.lifetimes import calls_under_lock, comment_above
from perfaudit.rules.facts.go.locks import IO, NETWORK, held_calls
from perfaudit.syntax.node import Node

_SERIALISES = re.compile(
    r"(?i)serial[is]|one (writer|write|caller) at a time|not (run )?concurrently"
    r"|(guard|protect|lock)s?\b.*\b(file|disk|journal|writes?|writers?)\b"
)
_UNSET = re.compile(r"^(?P<x>[\w.]+)\s*==\s*(nil|0|\"\")$|^!\s*(?P<y>[\w.]+)$"
                    r"|^len\((?P<z>[\w.]+)\)\s*==\s*0$")


def _declared_to_serialise(match: Match) -> bool:
    """Whether a comment on the mutex's declaration, or above the ``Lock``, says it serialises I/O."""
    lock = match.node
    parts = call_name(lock).split(".")
    statement = lock.parent()
    if statement is not None and _SERIALISES.search(comment_above(statement, match.source)):
        return True
    if len(parts) < 2:
        return False
    lines = match.source.splitlines()
    for decl in match.root.find_all(kind="field_declaration") + match.root.find_all(kind="var_spec"):
        names = {c.text() for c in decl.named_children() if c.kind() in ("field_identifier", "identifier")}
        if parts[-2] not in names:
            continue
        trailing = lines[decl.range().start.line].partition("//")[2]
        if _SERIALISES.search(trailing + " " + comment_above(decl, match.source)):
            return True
    return False


def _in_lazy_init(call: Node, lock: Node) -> bool:
    """Whether ``call`` runs inside ``if x == nil { ...; x = ... }`` after the lock: once."""
    for ancestor in call.ancestors():
        if ancestor.range().start.index < lock.range().end.index:
            return False
        if ancestor.kind() != "if_statement":
            continue
        condition, body = ancestor.field("condition"), ancestor.field("consequence")
        unset = _UNSET.match(condition.text().strip()) if condition is not None else None
        name = unset and (unset.group("x") or unset.group("y") or unset.group("z"))
        if name and body is not None and any(
                (left := a.field("left")) is not None and left.text().strip() == name
                for a in body.find_all(kind="assignment_statement")):
            return True
    return False


def check(match: Match) -> bool:
    """Some I/O runs while the lock is held, and the lock is neither for it nor taken once."""
    calls = held_calls(match.node, match.path)
    if not calls:
        return False
    if any(NETWORK.match(name) for name in calls):
        return False  # reported by mutex-held-across-network-call
    io_calls = [c for c in calls_under_lock(match.node) if IO.match(call_name(c))]
    if all(_in_lazy_init(c, match.node) for c in io_calls):
        return False  # also when there is none
    return not _declared_to_serialise(match)
