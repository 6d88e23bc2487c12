"""Flag ``data, _ := json.Marshal(v)`` in a loop whose body then writes ``data`` and a newline."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax.node import Node

_NEWLINES = ('"\\n"', "'\\n'")
_NEWLINE_ARGS = (*_NEWLINES, "{'\\n'}", '("\\n")')
_LINE_PRINTS = ("fmt.Fprintln", "fmt.Println")
_FORMAT_PRINTS = ("fmt.Fprintf", "fmt.Printf")
_LINE_FORMATS = ('"%s\\n"', '"%v\\n"')  # a framing prefix (SSE "data: ") is not NDJSON


def _mentions(call: Node, name: str) -> bool:
    return any(arg.text() == name or common.identifiers_named(arg, name) for arg in gocode.call_args(call))


def _newline_literal(call: Node) -> bool:
    return any(arg.text().replace(" ", "").endswith(_NEWLINE_ARGS)
               for arg in gocode.call_args(call))


def _writes_line(call: Node, name: str) -> bool:
    """``append(d, '\\n')``, ``Fprintln(w, string(d))`` or ``Fprintf(w, "%s\\n", d)``."""
    callee = common.call_name(call)
    if not _mentions(call, name):
        return False
    if callee == "append" or callee in _LINE_PRINTS:
        return callee != "append" or _newline_literal(call)
    args = gocode.call_args(call)
    fmt_arg = next((a for a in args if a.kind() == "interpreted_string_literal"), None)
    return callee in _FORMAT_PRINTS and fmt_arg is not None and fmt_arg.text() in _LINE_FORMATS


def check(match: Match) -> bool:
    """The marshalled bytes and a newline are both written within the same loop body."""
    marshal = match.node
    name = goscope.first_assigned_name(marshal)
    loops = goscope.enclosing_loops(marshal)
    if name is None or not loops:
        return False
    start = marshal.range().start.index
    calls = [c for c in loops[0].find_all(kind="call_expression") if c.range().start.index > start]
    if any(_writes_line(c, name) for c in calls):
        return True
    wrote = any(common.call_name(c).endswith(".Write") and _mentions(c, name) for c in calls)
    return wrote and any(_newline_literal(c) for c in calls)
