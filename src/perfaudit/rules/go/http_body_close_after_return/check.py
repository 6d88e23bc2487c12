"""``defer resp.Body.Close()`` placed after a ``return`` that can skip it.

The response must come from an HTTP call (``Do``, ``Get``, ``Post``, ``PostForm``,
``Head``, ``RoundTrip``) assigned in the same block as the defer. Every ``return``
between the two that does not sit under the call's own error check (``err`` still as the
call left it) or a ``resp == nil`` test, does not close the body or hand the response on
itself, and is not taken for a bodiless status (204, 304) counts as a leaking path.
"""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go.lifetimes import go_assigned_names, in_closure_below
from perfaudit.syntax.node import Node

_HTTP_CALL = re.compile(r"(^|\.)(Do|DoRequest|Get|Post|PostForm|Head|RoundTrip)$")
_BODYLESS = re.compile(r"StatusNoContent|StatusNotModified|\b(204|304)\b|http\.MethodHead|\"HEAD\"")
_CLOSE = re.compile(r"^(\w+)\.Body\.Close\(\)$")
_ASSIGNMENTS = ("short_var_declaration", "assignment_statement")


def _closed_name(defer: Node) -> str | None:
    """``resp`` for ``defer resp.Body.Close()`` or a deferred closure that closes it."""
    call = defer.named_children()[0] if defer.named_children() else None
    if call is None or call.kind() != "call_expression":
        return None
    found = _CLOSE.match(call.text())
    if found:
        return found.group(1)
    function = call.field("function")
    if function is None or function.kind() != "func_literal":
        return None
    names = {m.group(1) for c in function.find_all(kind="call_expression")
             if (m := _CLOSE.match(c.text()))}
    return names.pop() if len(names) == 1 else None


def _http_assignment(stmt: Node, name: str) -> str | None:
    """The error name when ``stmt`` is ``name, err := <http call>`` ("" without one)."""
    if stmt.kind() not in _ASSIGNMENTS:
        return None
    names = go_assigned_names(stmt)
    right = stmt.field("right")
    values = right.named_children() if right is not None else []
    if not names or names[0] != name or len(values) != 1 or values[0].kind() != "call_expression":
        return None
    if not _HTTP_CALL.search(common.call_name(values[0])):
        return None
    if re.search(r"\bHead\b", common.call_name(values[0])):
        return None  # HEAD responses have no body
    return names[1] if len(names) > 1 and names[1] != "_" else ""


def _assigns(stmt: Node, name: str) -> bool:
    return any(n.kind() in _ASSIGNMENTS and name in go_assigned_names(n)
               for n in [stmt, *stmt.find_all(kind="short_var_declaration"),
                         *stmt.find_all(kind="assignment_statement")])


def _reassigns(stmt: Node, err: str) -> bool:
    """Whether ``stmt`` (or the initializer of an ``if``) assigns ``err`` anew."""
    if stmt.kind() == "if_statement":
        init = stmt.field("initializer")
        return init is not None and init.kind() in _ASSIGNMENTS and err in go_assigned_names(init)
    return stmt.kind() in _ASSIGNMENTS and err in go_assigned_names(stmt)


def _hands_on(block: Node, ret: Node, name: str) -> bool:
    """Whether the path to ``ret`` closes the body or passes the response to someone else."""
    if re.search(rf"\b{re.escape(name)}\.Body\.Close\(\)", block.text()):
        return True
    values = ret.named_children()
    if values and values[0].kind() == "expression_list":
        values = values[0].named_children()
    if any(v.kind() == "identifier" and v.text() == name for v in values):
        return True  # returned: the caller closes it
    for args in block.find_all(kind="argument_list"):
        if any(a.kind() == "identifier" and a.text() == name for a in args.named_children()):
            return True
    return False


def _guard(ret: Node, stmt: Node) -> Node | None:
    """The outermost ``if`` in ``stmt`` (or ``stmt`` itself) that holds ``ret``."""
    guards = [a for a in ret.ancestors() if a.kind() == "if_statement" and common.is_within(a, stmt)]
    return guards[-1] if guards else None


def _leaking_return(stmt: Node, name: str, err: str, err_fresh: bool, fn: Node) -> bool:
    for ret in stmt.find_all(kind="return_statement"):
        if in_closure_below(ret, fn):
            continue
        guard = _guard(ret, stmt)
        cond = guard.field("condition") if guard is not None else None
        cond_text = cond.text() if cond is not None else ""
        if err and err_fresh and re.search(rf"\b{re.escape(err)}\b", cond_text):
            continue  # the request itself failed: there is no body
        if _BODYLESS.search(cond_text) or re.search(rf"\b{re.escape(name)}\s*==\s*nil\b", cond_text):
            continue  # no body to close: a bodiless status, or no response at all
        block = ret.parent()
        while block is not None and block.kind() not in ("block", "statement_list"):
            block = block.parent()
        if block is None or not _hands_on(block, ret, name):
            return True
    return False


def check(match: Match) -> bool:
    """A return between the HTTP call and the deferred close that leaves the body open."""
    defer = match.node
    name = _closed_name(defer)
    block = defer.parent()
    if name is None or block is None or block.kind() != "statement_list":
        return False
    fn = next((a for a in block.ancestors()
               if a.kind() in ("function_declaration", "method_declaration", "func_literal")), None)
    if fn is None:
        return False
    before = [s for s in block.named_children()
              if s.range().start.index < defer.range().start.index and s.kind() != "comment"]
    start = next((i for i in range(len(before) - 1, -1, -1)
                  if _http_assignment(before[i], name) is not None), None)
    if start is None:
        return False
    err = _http_assignment(before[start], name) or ""
    err_fresh = True
    for stmt in before[start + 1:]:
        if _assigns(stmt, name):
            return False  # the response is replaced before the defer
        if err and _reassigns(stmt, err):
            err_fresh = False
        if _leaking_return(stmt, name, err, err_fresh, fn):
            return True
    return False
