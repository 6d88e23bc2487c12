"""``b, _ := json.Marshal(x)`` whose only other use is ``json.Unmarshal(b, &y)``."""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode
from perfaudit.rules.facts.go import flow as goflow
from perfaudit.syntax import functions

_MARSHAL = frozenset({"json.Marshal"})


def check(match: Match) -> bool:
    """Whether the unmarshalled bytes come straight from a Marshal used for nothing else."""
    args = gocode.call_args(match.node)
    scope = functions.innermost_function(match.node, Language.GO)
    if len(args) != 2 or scope is None or gocode.shadows_package(scope, "json"):
        return False
    data = args[0]
    if data.kind() == "call_expression":
        return common.call_name(data) == "json.Marshal"
    if data.kind() != "identifier":
        return False
    definition = goflow.defining_call(scope, data.text(), _MARSHAL)
    if definition is None:
        return False
    return not goflow.other_uses(scope, data.text(), definition, match.node)
