"""Syntax-tree helpers shared by the engine and by rules' ``check.py`` predicates (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from perfaudit.model import Language

Node = Any  # ast_grep_py.SgNode; kept loose so check.py files need no stub package

FUNCTION_KINDS = {
    Language.GO: frozenset({"function_declaration", "method_declaration", "func_literal"}),
    Language.PYTHON: frozenset({"function_definition", "lambda"}),
}
NAMED_FUNCTION_KINDS = frozenset({"function_declaration", "method_declaration", "function_definition"})
LOOP_KINDS = {
    Language.GO: frozenset({"for_statement"}),
    Language.PYTHON: frozenset(
        {
            "for_statement",
            "while_statement",
            "list_comprehension",
            "set_comprehension",
            "dictionary_comprehension",
            "generator_expression",
        }
    ),
}
_TYPE_PARAMS = re.compile(r"\[.*\]$")


def ancestors_in_function(node: Node, language: Language) -> Iterator[Node]:
    """Ancestors of ``node`` up to, not including, the nearest function or closure."""
    stop = FUNCTION_KINDS[language]
    for ancestor in node.ancestors():
        if ancestor.kind() in stop:
            return
        yield ancestor


def loop_depth(node: Node, language: Language) -> int:
    """How many loops enclose ``node`` within its own function or closure."""
    loops = LOOP_KINDS[language]
    return sum(1 for ancestor in ancestors_in_function(node, language) if ancestor.kind() in loops)


def in_loop(node: Node, language: Language) -> bool:
    """Whether ``node`` runs once per iteration of a loop in its own function."""
    return loop_depth(node, language) > 0


def innermost_function(node: Node, language: Language) -> Node | None:
    """The nearest function around ``node``, closures and lambdas included."""
    kinds = FUNCTION_KINDS[language]
    return next((a for a in node.ancestors() if a.kind() in kinds), None)


def in_closure(node: Node, language: Language) -> bool:
    """Whether ``node`` sits in a closure or lambda rather than directly in a named function."""
    inner = innermost_function(node, language)
    return inner is not None and inner.kind() not in NAMED_FUNCTION_KINDS


def enclosing_function_node(node: Node) -> Node | None:
    """The nearest named function or method declaration around ``node``."""
    for ancestor in node.ancestors():
        if ancestor.kind() in NAMED_FUNCTION_KINDS:
            return ancestor
    return None


def _go_receiver_type(method: Node) -> str:
    receiver = method.field("receiver")
    if receiver is None:
        return ""
    for param in receiver.named_children():
        type_node = param.field("type")
        if type_node is None:
            continue
        text = _TYPE_PARAMS.sub("", type_node.text().replace(" ", ""))
        return f"({text})" if text.startswith("*") else text
    return ""


def _python_qualname(fn: Node) -> str:
    scopes = {"class_definition", "function_definition"}
    parts = [_name_of(fn)]
    parts.extend(_name_of(a) for a in fn.ancestors() if a.kind() in scopes)
    return ".".join(reversed(parts))


def _name_of(node: Node) -> str:
    name = node.field("name")
    return name.text() if name is not None else "?"


def function_name(fn: Node, language: Language) -> str:
    """Display name of a function node: ``(*Runner).runTest``, ``Parser.parse``, ``main``."""
    if language is Language.GO and fn.kind() == "method_declaration":
        receiver = _go_receiver_type(fn)
        return f"{receiver}.{_name_of(fn)}" if receiver else _name_of(fn)
    if language is Language.PYTHON:
        return _python_qualname(fn)
    return _name_of(fn)


def enclosing_function(node: Node, language: Language) -> str | None:
    """Display name of the named function around ``node``, or None at top level."""
    fn = enclosing_function_node(node)
    return function_name(fn, language) if fn is not None else None


def parameters_text(fn: Node) -> str:
    """The source text of a function's parameter list ("" when it has none)."""
    params = fn.field("parameters")
    return params.text() if params is not None else ""


def is_http_handler(fn: Node | None) -> bool:
    """Whether a Go function takes an ``http.ResponseWriter`` (runs once per request)."""
    return fn is not None and "http.ResponseWriter" in parameters_text(fn)


def is_startup(fn: Node | None, language: Language) -> bool:
    """Whether a function runs once per process: Go ``main``/``init``, Python ``main``."""
    if fn is None:
        return False
    name = _name_of(fn)
    if language is Language.GO:
        return fn.kind() == "function_declaration" and name in {"main", "init"}
    return name == "main"


def identifiers(node: Node) -> set[str]:
    """Every identifier spelled inside ``node``."""
    kinds = ("identifier", "field_identifier", "type_identifier", "package_identifier")
    found: set[str] = set()
    for kind in kinds:
        found.update(child.text() for child in node.find_all(kind=kind))
    if node.kind() in kinds:
        found.add(node.text())
    return found


def loop_ancestors(node: Node, language: Language) -> list[Node]:
    """The loops around ``node`` within its own function, innermost first."""
    loops = LOOP_KINDS[language]
    return [a for a in ancestors_in_function(node, language) if a.kind() in loops]


def _statements(scope: Node, kind: str) -> list[Node]:
    """Nodes of ``kind`` in ``scope``; empty when the grammar has no such kind."""
    try:
        return list(scope.find_all(kind=kind))
    except RuntimeError:  # the kind belongs to the other language's grammar
        return []


def assigned_in(scope: Node, names: set[str]) -> bool:
    """Whether any of ``names`` is assigned or declared anywhere inside ``scope``."""
    kinds = ("assignment_statement", "short_var_declaration", "var_spec", "range_clause",
             "assignment", "augmented_assignment", "for_statement", "inc_statement",
             "dec_statement")
    for kind in kinds:
        for stmt in _statements(scope, kind):
            left = stmt.field("left") or stmt.field("name")
            if left is None and kind in {"inc_statement", "dec_statement"}:
                left = next((c for c in stmt.children() if c.is_named()), None)
            if left is not None and identifiers(left) & names:
                return True
    return False


def is_loop_invariant(expr: Node, loop: Node) -> bool:
    """Whether ``expr`` uses no name that ``loop`` (header or body) assigns.

    Go's range clause and three-clause header count as assignments, as do Python's
    ``for`` targets. Calls on other values are assumed pure, which is what makes the
    check useful and occasionally wrong (documented per rule).
    """
    used = identifiers(expr)
    return not assigned_in(loop, used)


# --- Go data-flow helpers (syntactic, same function or same file) ---------------------------

_SPACE = re.compile(r"\s+")


def innermost_function_node(node: Node, language: Language = Language.GO) -> Node | None:
    """The nearest function, method or closure around ``node`` (closures included)."""
    kinds = FUNCTION_KINDS[language]
    for ancestor in node.ancestors():
        if ancestor.kind() in kinds:
            return ancestor
    return None


def callee(call: Node) -> str:
    """The called expression of a Go call without whitespace: ``s.mu.Lock``, ``os.Open``."""
    fn = call.field("function")
    return _SPACE.sub("", fn.text()) if fn is not None else ""


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
             if callee(c) == unlock and c.range().start.index > start]
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
    name = callee(lock_call)
    stmt = lock_call.parent()
    fn = innermost_function_node(lock_call)
    if not name.endswith(".Lock") or stmt is None or fn is None:
        return []
    end = _unlock_end(stmt, fn, name[: -len("Lock")] + "Unlock")
    if end is None:
        return []
    start = stmt.range().end.index
    return [c for c in own_nodes(fn, "call_expression")
            if start < c.range().start.index < end
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
    fn = innermost_function_node(node)
    while fn is not None and fn.kind() == "func_literal":
        parent = fn.parent()
        if parent is None or parent.kind() != "call_expression" or parent.field("function") != fn:
            return True
        outer = parent.parent()
        if outer is not None and outer.kind() in ("go_statement", "defer_statement"):
            return True
        fn = innermost_function_node(fn)
    return False


def comment_above(node: Node, source: str, lines: int = 3) -> str:
    """The text of the ``//`` comment lines directly above ``node``'s line (up to ``lines``)."""
    row = node.range().start.line
    all_lines = source.splitlines()
    texts: list[str] = []
    for index in range(row - 1, max(-1, row - 1 - lines), -1):
        stripped = all_lines[index].strip()
        if not stripped.startswith("//"):
            break
        texts.append(stripped[2:])
    return " ".join(texts)
