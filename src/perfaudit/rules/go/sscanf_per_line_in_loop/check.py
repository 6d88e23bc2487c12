"""``fmt.Sscan*`` run once per line or record of an input.

Fires where the call sits in a loop over lines (``for sc.Scan()``, a loop that calls
``ReadString``/``ReadLine``/``ReadBytes``, a range over a ``strings.Split`` on newlines,
``strings.Lines`` or a slice named like lines or records) and scans something that changes
per iteration, or
where the enclosing function scans one of its parameters and is itself called from such a
loop in the same file (``parseLine(sc.Text())``). Loops over directory entries, flags or a
few config values are left alone: there I/O or the handful of items dominates.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_SCANS = frozenset({"fmt.Sscanf", "fmt.Sscan", "fmt.Sscanln"})
_SPLITTERS = re.compile(r"^(strings|bytes)\.(Split|SplitN|SplitAfter|SplitSeq|SplitAfterSeq)$")
_LINES = re.compile(r"^(strings|bytes)\.Lines$")
_LINE_NAMES = re.compile(r"(?i)(^|_)(lines?|rows?|records?|linelist)$|[a-z](Lines|Rows|Records)$")
_READ_LINE = re.compile(r"\.(ReadString|ReadLine|ReadBytes|ReadSlice)\(")
_SCAN_COND = re.compile(r"^\w+(\.\w+)*\.Scan\(\)$")


def _line_split(call: Node) -> bool:
    """``strings.Split(s, "\\n")`` and kin, or ``strings.Lines(s)``: a split into lines."""
    name = common.call_name(call)
    if _LINES.match(name):
        return True
    args = gocode.call_args(call)
    return bool(_SPLITTERS.match(name)) and len(args) >= 2 and "\\n" in args[1].text()


def _splits(expr: Node | None, loop: Node) -> bool:
    """Whether ``expr`` is a line-splitting call or a name declared from one or named like lines."""
    if expr is None:
        return False
    if expr.kind() == "call_expression":
        return _line_split(expr)
    if expr.kind() == "selector_expression":
        field = expr.field("field")
        return field is not None and bool(_LINE_NAMES.search(field.text()))
    if expr.kind() != "identifier":
        return False
    if _LINE_NAMES.search(expr.text()):
        return True
    decl = goscope.find_declaration(loop, expr.text())
    value = goscope.declared_value(decl, expr.text()) if decl is not None else None
    return value is not None and value.kind() == "call_expression" and _line_split(value)


def line_loop(loop: Node) -> bool:
    """Whether ``loop`` walks the lines or records of a text input."""
    clause = gocode.range_clause(loop)
    if clause is not None:
        return _splits(clause.field("right"), loop)
    if gocode.is_collection_loop(loop):
        return False
    cond = next((c for c in loop.named_children() if c.kind() == "call_expression"), None)
    if cond is not None and _SCAN_COND.match(common.call_name(cond) + "()"):
        return True
    body = loop.field("body")
    return cond is None and body is not None and bool(_READ_LINE.search(body.text()))


def _called_per_line(fn: Node, root: Node) -> bool:
    """Whether the function ``fn`` is called inside a line loop elsewhere in the file."""
    name = fn.field_text("name")
    if not name or fn.kind() == "func_literal":
        return False
    for call in root.find_all(kind="call_expression"):
        callee = common.call_name(call)
        if callee != name and not callee.endswith("." + name):
            continue
        if any(line_loop(loop) for loop in functions.loop_ancestors(call, Language.GO)):
            return True
    return False


def check(match: Match) -> bool:
    """A scan of per-line input: in a line loop, or in a helper the file calls per line."""
    call = match.node
    if common.call_name(call) not in _SCANS:
        return False
    args = gocode.call_args(call)
    if not args:
        return False
    source = args[0]
    loops = functions.loop_ancestors(call, Language.GO)
    if loops:
        return any(line_loop(loop) and not gocode.is_invariant(source, loop) for loop in loops)
    fn = functions.innermost_function(call, Language.GO)
    if fn is None or common.is_startup(fn, Language.GO):
        return False
    params = gocode.parameter_names(fn)
    return bool(gocode.identifier_names(source) & params) and _called_per_line(fn, match.root)
