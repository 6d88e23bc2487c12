"""Temp file created, written with argument-independent content and removed per call."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import flow as goflow
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_WRITE_METHODS = (".Write", ".WriteString")
_WRITE_FUNCS = frozenset({"io.Copy", "io.WriteString", "fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln"})


def _bound(call: Node) -> str | None:
    parent = call.parent()
    stmt = parent.parent() if parent is not None and parent.kind() == "expression_list" else None
    if stmt is None or stmt.kind() not in {"short_var_declaration", "assignment_statement"}:
        return None
    left = stmt.field("left")
    names = [c.text() for c in left.children() if c.is_named()] if left is not None else []
    return names[0] if names and names[0] != "_" else None


def _written(scope: Node, name: str) -> list[Node] | None:
    """Contents written into the file; None when something else writes it (unknown)."""
    contents: list[Node] = []
    for call in scope.find_all(kind="call_expression"):
        callee, args = common.call_name(call), gocode.call_args(call)
        if callee.startswith(name + ".") and callee.endswith(_WRITE_METHODS):
            contents.extend(args)
        elif callee in _WRITE_FUNCS and args and args[0].text() == name:
            contents.extend(args[1:])
    return contents


def _removed(scope: Node, name: str) -> bool:
    for stmt in scope.find_all(kind="defer_statement"):
        text = stmt.text().replace(" ", "")
        if ("os.Remove(" in text or "os.RemoveAll(" in text) and f"{name}.Name()" in text:
            return True
    return False


def check(match: Match) -> bool:
    """Whether the per-call temp file's content ignores the call's arguments."""
    node = match.node
    fn = functions.enclosing_function_node(node)
    name = _bound(node)
    if fn is None or name is None or common.is_startup(fn, Language.GO):
        return False
    if functions.innermost_function(node, Language.GO) != fn or not _removed(fn, name):
        return False
    contents = _written(fn, name)
    if not contents:
        return False
    params = gocode.parameter_names(fn)
    tainted = goflow.derived_names(fn, params)
    return not any(gocode.identifier_names(c) & tainted for c in contents)
