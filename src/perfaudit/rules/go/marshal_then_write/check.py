"""``b, err := json.Marshal(v)`` where every use of ``b`` is the data of a write call."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import flow as goflow
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_FILE_WRITERS = frozenset({"os.WriteFile", "ioutil.WriteFile"})


def _bound_name(call: Node) -> str | None:
    parent = call.parent()
    stmt = parent.parent() if parent is not None and parent.kind() == "expression_list" else None
    if stmt is None or stmt.kind() not in {"short_var_declaration", "assignment_statement"}:
        return None
    left = stmt.field("left")
    targets = [c for c in left.children() if c.is_named()] if left is not None else []
    if not targets or targets[0].kind() != "identifier" or targets[0].text() == "_":
        return None
    return str(targets[0].text())


def _is_write_of(use: Node) -> bool:
    args = use.parent()
    call = args.parent() if args is not None and args.kind() == "argument_list" else None
    if call is None or call.kind() != "call_expression":
        return False
    name, values = common.call_name(call), gocode.call_args(call)
    if name in _FILE_WRITERS:
        return len(values) == 3 and values[1] == use
    return name.endswith(".Write") and "." in name and values == [use]


def check(match: Match) -> bool:
    """Whether the marshalled bytes are only ever written out."""
    name = _bound_name(match.node)
    scope = functions.innermost_function(match.node, Language.GO)
    if name is None or scope is None or gocode.shadows_package(scope, "json"):
        return False
    used = goflow.other_uses(scope, name, match.node, match.node)
    return bool(used) and all(_is_write_of(u) for u in used)
