"""A loop takes the same mutex once per item: through a sibling method that locks the
receiver's mutex, or by locking and unlocking it directly in the loop body.

Same-file analysis: the callee must be declared in this file on the same receiver type and
start by locking a mutex of its receiver. The call must sit in the body of a loop over a
collection (``range`` or a ``len(...)`` bound). ``...Locked``/unlock helpers and calls that
take a context (per-item I/O dominates the lock) are left out, and so are getters (methods
with results, unless named like a mutation: ``Add``, ``Set``, ``Delete``...): their read
locks are cheap and often guard memoisation. A call that tells the callee not to lock
(``false`` for a ``needLock``-like parameter, ``true`` for a ``locked``-like one) is left out.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.rules.facts.go.lifetimes import go_parameters, go_receiver_name
from perfaudit.syntax.functions import enclosing_function_node, loop_ancestors
from perfaudit.syntax.node import Node


def _receiver_type(method: Node) -> str:
    receiver = method.field("receiver")
    params = receiver.named_children() if receiver is not None else []
    type_node = params[0].field("type") if params else None
    return re.sub(r"\[.*", "", type_node.text().lstrip("*")) if type_node is not None else ""


_VERBS = ("add|set|update|delete|remove|put|insert|record|observe|append|register|inc|mark|store|push"
          "|enqueue|track|forget|evict|expire")
# ``AddItem``, ``set``, ``delete_key``; not ``RemovedComponent`` (a noun phrase).
_MUTATOR = re.compile(rf"^({_VERBS}|{_VERBS.title()})([A-Z_0-9]|$)")


# ``add(k, v, false)`` into ``add(key string, v int, needLock bool)``: the caller holds the lock
_TAKES_LOCK = re.compile(r"(?i)^(need|needs|should|take|takes|do|with|acquire|use)?_?(lock|mutex)$")
_HOLDS_LOCK = re.compile(r"(?i)^(already|is|caller)?_?(locked|holds?_?lock|has_?lock)$")


def _told_not_to_lock(call: Node, method: Node) -> bool:
    """Whether the call passes a boolean that tells the callee the lock is already held."""
    args = call.field("arguments")
    values = [a.text() for a in args.named_children()] if args is not None else []
    params = [name for name, _ in go_parameters(method)]
    if len(params) != len(values):
        return False  # unnamed or variadic parameters: positions cannot be matched
    return any((value == "false" and _TAKES_LOCK.match(param))
               or (value == "true" and _HOLDS_LOCK.match(param))
               for param, value in zip(params, values, strict=True))


def _sibling_method(root: Node, type_name: str, name: str) -> Node | None:
    for method in root.find_all(kind="method_declaration"):
        if method.field_text("name") == name and _receiver_type(method) == type_name:
            return method
    return None


def _locking_method(call: Node, method: Node | None, name: str) -> bool:
    if method is None or _told_not_to_lock(call, method):
        return False
    if method.field("result") is not None and not _MUTATOR.match(name):
        return False  # a (often memoising) getter: per-call read locks are cheap and expected
    body = method.field("body")
    recv = go_receiver_name(method)
    statements = body.find_all(kind="expression_statement") if body is not None and recv else []
    return bool(statements) and re.fullmatch(
        rf"{re.escape(recv)}(\.\w+)*\.(R)?Lock\(\)", statements[0].text().strip()) is not None


def _collection_loop(loop: Node) -> bool:
    header = loop.text().split("{", 1)[0]
    ranged = " range " in f" {header} " and not re.search(r"range\s+\d+\s*$", header.strip())
    return ranged or "len(" in header


def _in_body(call: Node, loop: Node) -> bool:
    """Inside the loop body, not its header (``range r.Items()`` runs once)."""
    body = loop.field("body")
    return body is not None and body in call.ancestors()


_DIRECT_LOCK = re.compile(r"^(\w+(?:\.\w+)*)\.Lock$")


def _direct_lock_per_item(call: Node, lock: str) -> bool:
    """``for _, x := range xs { s.mu.Lock(); ...; s.mu.Unlock() }`` on one shared mutex.

    The ``Lock()`` must be the first statement of the loop body and its ``Unlock()`` the last,
    so the whole iteration runs under the lock (work done outside it per item makes the short
    section deliberate), on a mutex that no iteration changes, in a loop of known length that
    waits for nothing; per-item I/O (a ``ctx`` argument) under the lock is left alone, as it
    costs far more than the lock.
    """
    statement = call.parent()
    holder = statement.parent() if statement is not None else None
    loops = loop_ancestors(call, Language.GO)
    if statement is None or holder is None or holder.kind() != "statement_list" or not loops:
        return False
    loop = loops[0]
    if holder.parent() != loop.field("body") or not goscope.has_known_length(loop):
        return False
    if gocode.is_event_loop(loop):
        return False
    root = lock.split(".", maxsplit=1)[0]
    declared = {n.text() for d in loop.find_all(kind="short_var_declaration")
                for n in goscope.declared_names(d)}
    if root in gocode.loop_declared_names(loop) | declared or goscope.assignments_to(loop, root):
        return False  # a different mutex per item
    statements = [s for s in holder.named_children() if s.kind() != "comment"]
    last = statements[-1].text().strip() if statements else ""
    if len(statements) < 3 or statements[0] != statement or last != f"{lock}.Unlock()":
        return False  # work outside the lock in each iteration: the per-item section is deliberate
    held = statements[1:-1]
    return not any(re.search(r"\(\s*\w*[cC]tx\b", s.text()) for s in held)


def check(match: Match) -> bool:
    """Whether a lock is taken per item of a loop over a batch: a per-item locking call, or a
    loop body wrapped in Lock/Unlock."""
    call = match.node
    direct = _DIRECT_LOCK.match(common.call_name(call))
    if direct is not None and not gocode.call_args(call):
        return _direct_lock_per_item(call, direct.group(1))
    method = enclosing_function_node(call)
    if method is None or method.kind() != "method_declaration":
        return False
    recv, name = go_receiver_name(method), common.call_name(call)
    parts = name.split(".")
    if len(parts) != 2 or parts[0] != recv or not recv or "lock" in parts[1].lower():
        return False  # ...Locked helpers and deliberate unlock-and-relock steps
    args = call.field("arguments")
    first = args.named_children()[0].text() if args is not None and args.named_children() else ""
    if re.fullmatch(r"\w*[cC]tx", first):
        return False  # the call does I/O per item; the lock round trip is not the cost
    loops = loop_ancestors(call, Language.GO)
    if not loops or not _collection_loop(loops[0]) or not _in_body(call, loops[0]):
        return False
    callee = _sibling_method(match.root, _receiver_type(method), parts[1])
    return _locking_method(call, callee, parts[1])
