"""Go helpers for the concurrency, leak and lifecycle rules' ``check.py`` predicates (pure).

Syntax-only, same-function or same-file facts: what a call calls, which names a statement
assigns, which calls run while a mutex is held, whether a closure runs in place, whether
a path is test scaffolding. Callers stay silent when a fact cannot be established.
"""

from __future__ import annotations

import re
from functools import lru_cache

from perfaudit.model import Language
from perfaudit.rules.facts.common import call_name
from perfaudit.syntax.functions import innermost_function
from perfaudit.syntax.node import Node

_SPACE = re.compile(r"\s+")
_GO = Language.GO




def in_closure_below(node: Node, scope: Node) -> bool:
    """Whether a func literal lies between ``node`` and ``scope`` (``scope`` excluded)."""
    for ancestor in node.ancestors():
        if ancestor == scope:
            return False
        if ancestor.kind() == "func_literal":
            return True
    return False


def own_nodes(scope: Node, kind: str) -> list[Node]:
    """Nodes of ``kind`` inside ``scope`` that are not inside a nested func literal."""
    return [n for n in scope.find_all(kind=kind) if not in_closure_below(n, scope)]


def go_parameters(fn: Node) -> list[tuple[str, str]]:
    """``(name, type text)`` for each named parameter of a Go function or closure."""
    params = fn.field("parameters")
    if params is None:
        return []
    out: list[tuple[str, str]] = []
    for decl in params.named_children():
        type_node = decl.field("type")
        type_text = _SPACE.sub("", type_node.text()) if type_node is not None else ""
        out.extend((child.text(), type_text) for child in decl.named_children()
                   if child.kind() == "identifier")
    return out


def go_context_params(fn: Node | None) -> list[str]:
    """Names of a Go function's ``context.Context`` parameters (``_`` left out)."""
    if fn is None:
        return []
    return [name for name, kind in go_parameters(fn) if kind == "context.Context" and name != "_"]


def names_used(scope: Node, name: str) -> list[Node]:
    """Every ``identifier`` node spelling ``name`` inside ``scope``."""
    return [n for n in scope.find_all(kind="identifier") if n.text() == name]


def starts_after(node: Node, other: Node) -> bool:
    """Whether ``node`` begins after ``other`` begins in the source."""
    return bool(node.range().start.index > other.range().start.index)


def go_receiver_name(method: Node) -> str:
    """The receiver's name of a Go method (``""`` for functions or unnamed receivers)."""
    receiver = method.field("receiver") if method.kind() == "method_declaration" else None
    if receiver is None:
        return ""
    for param in receiver.named_children():
        name = param.field("name")
        if name is not None:
            return str(name.text())
    return ""


def go_assigned_names(stmt: Node) -> list[str]:
    """Identifiers on the left of a Go ``:=``/``=`` statement or ``var`` spec."""
    left = stmt.field("left") or stmt.field("name")
    if left is None:
        return []
    if left.kind() == "identifier":
        return [left.text()]
    return [n.text() for n in left.named_children() if n.kind() == "identifier"]


def go_assignment_of(node: Node) -> Node | None:
    """The ``:=``/``=``/``var`` statement whose right-hand side contains ``node``, if any."""
    for ancestor in node.ancestors():
        kind = ancestor.kind()
        if kind in ("short_var_declaration", "assignment_statement", "var_spec"):
            return ancestor
        if kind in ("block", "statement_list", "func_literal", "source_file"):
            return None
    return None


def _unlock_end(lock_stmt: Node, fn: Node, unlock: str) -> int | None:
    """Where the lock taken by ``lock_stmt`` is released (end of function for a deferred unlock)."""
    start = lock_stmt.range().end.index
    later = [c for c in own_nodes(fn, "call_expression")
             if call_name(c) == unlock and c.range().start.index > start]
    siblings = [c for c in later if (p := c.parent()) is not None and p.parent() == lock_stmt.parent()]
    explicit = [c.range().start.index for c in (siblings or later)]
    deferred = [d.range().start.index for d in own_nodes(fn, "defer_statement")
                if d.range().start.index > start and unlock + "()" in _SPACE.sub("", d.text())]
    if deferred and (not explicit or min(deferred) < min(explicit)):
        return int(fn.range().end.index)
    return int(min(explicit)) if explicit else None


def calls_under_lock(lock_call: Node) -> list[Node]:
    """Calls made while the mutex locked by ``lock_call`` (``x.mu.Lock()``) is still held.

    The region runs to the first ``Unlock`` at the same block level (or the first one at all),
    or to the end of the function when the unlock is deferred. Calls inside closures and
    ``go`` statements are left out: they may run after the unlock. Unknown region: empty list.
    """
    name = call_name(lock_call)
    stmt = lock_call.parent()
    fn = innermost_function(lock_call, _GO)
    if not name.endswith(".Lock") or stmt is None or fn is None:
        return []
    unlock = name[: -len("Lock")] + "Unlock"
    end = _unlock_end(stmt, fn, unlock)
    if end is None:
        return []
    start = stmt.range().end.index
    return [c for c in own_nodes(fn, "call_expression")
            if start < c.range().start.index < end and call_name(c) != unlock
            and (p := c.parent()) is not None and p.kind() != "go_statement"]


_TEST_SUPPORT = re.compile(
    r"(^|/)(\w*test|test\w*|\w*mocks?|mocks?\w*|\w*fakes?|fakes?\w*|stubs?)/"
    r"|(^|[/_.-])(mocks?|fakes?|testutils?|testing|testhelpers?|stubs?)([/_.-]|$)",
    re.IGNORECASE,
)


def is_test_support_path(path: str) -> bool:
    """Whether ``path`` looks like test scaffolding kept outside ``_test`` files (mocks, fakes)."""
    return bool(_TEST_SUPPORT.search(path))


def runs_later(node: Node) -> bool:
    """Whether ``node`` sits in a closure that does not run in place: started with ``go``,
    deferred, returned, stored or passed as a callback (only ``func(){...}()`` runs in place)."""
    fn = innermost_function(node, _GO)
    while fn is not None and fn.kind() == "func_literal":
        parent = fn.parent()
        if parent is None or parent.kind() != "call_expression" or parent.field("function") != fn:
            return True
        outer = parent.parent()
        if outer is not None and outer.kind() in ("go_statement", "defer_statement"):
            return True
        fn = innermost_function(fn, _GO)
    return False


@lru_cache(maxsize=1)
def _lines(source: str) -> list[str]:
    """The file's lines, split once per file (a str keeps its hash, so the lookup is cheap)."""
    return source.splitlines()


def comment_above(node: Node, source: str, lines: int = 3) -> str:
    """The text of the ``//`` comment lines directly above ``node``'s line (up to ``lines``)."""
    row = node.range().start.line
    all_lines = _lines(source)
    texts: list[str] = []
    for index in range(row - 1, max(-1, row - 1 - lines), -1):
        stripped = all_lines[index].strip()
        if not stripped.startswith("//"):
            break
        texts.append(stripped[2:])
    return " ".join(texts)
