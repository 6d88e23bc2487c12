"""A temporary directory created here that is neither removed here nor handed to an owner.

The path "escapes" (silent) when it is returned, stored in a field, map, slice or struct
literal, captured by a cleanup registration, or passed to a constructor (``New...``,
``Open...``) or to a function that is not a plain path/file helper.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go.lifetimes import (
    go_assigned_names,
    go_assignment_of,
    is_test_support_path,
    names_used,
)
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_REMOVE = re.compile(r"^os\.(RemoveAll|Remove)$")
_LOCAL_USE = re.compile(
    r"^(filepath|path|os|ioutil|fmt|log|slog|strings|errors|exec|io|fs|bufio)\.\w+$"
    r"|^(\w+\.)*(Printf|Println|Print|Debug|Info|Warn|Error|Errorf|Debugf|Infof|Warnf|Fatalf|Fatal)$"
)
_ESCAPING_PARENTS = ("return_statement", "composite_literal", "keyed_element", "literal_element",
                     "send_statement")


def _use_escapes(use: Node) -> bool:
    previous = use
    for anc in use.ancestors():
        kind, came_from, previous = anc.kind(), previous, anc
        if kind in _ESCAPING_PARENTS:
            return True
        if kind == "call_expression" and came_from.kind() == "argument_list":
            name = common.call_name(anc)
            if _REMOVE.match(name):
                return True  # removed: not a leak
            if not _LOCAL_USE.match(name):
                return True  # handed to code that may own it
        if kind == "assignment_statement":
            left = anc.field("left")
            return left is not None and any(
                c.kind() in ("selector_expression", "index_expression") and not c.text().endswith(".Dir")
                for c in left.named_children()
            )
        if kind in ("expression_statement", "short_var_declaration", "block", "if_statement",
                    "defer_statement", "go_statement"):
            return False
    return False


def check(match: Match) -> bool:
    if is_test_support_path(match.path):
        return False
    stmt = go_assignment_of(match.node)
    names = go_assigned_names(stmt) if stmt is not None else []
    fn = functions.innermost_function(match.node, Language.GO)
    if not names or names[0] == "_" or fn is None:
        return False
    name = names[0]
    uses = [u for u in names_used(fn, name) if stmt is None or stmt not in u.ancestors()]
    return not any(_use_escapes(u) for u in uses)
