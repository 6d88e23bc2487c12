"""Flag ``fmt.Sprintf("%d", x)``, ``("%s", x)``, and ``%v``/``fmt.Sprint`` of a known int or string."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax.node import Node

_ALWAYS = ('"%d"', '"%s"')
_BASIC = frozenset({"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
                    "uint32", "uint64", "string"})


def _known_basic(call: Node, arg: Node) -> bool:
    if arg.kind() in ("interpreted_string_literal", "raw_string_literal", "int_literal"):
        return True
    if arg.kind() != "identifier":
        return False
    decl = goscope.find_declaration(call, arg.text())
    return decl is not None and (goscope.declared_type(decl) or "") in _BASIC


def check(match: Match) -> bool:
    """One argument after a single-verb format, or one known-basic argument to Sprint."""
    call = match.node
    args = gocode.call_args(call)
    if common.call_name(call) == "fmt.Sprint":
        return len(args) == 1 and _known_basic(call, args[0])
    if len(args) != 2 or args[1].kind() == "variadic_argument":
        return False
    verb = args[0].text()
    if verb in _ALWAYS:
        return True
    return verb == '"%v"' and _known_basic(call, args[1])
