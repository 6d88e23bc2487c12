"""``cmd.Start()`` on an ``exec.Command`` built in this function that nobody ever waits for.

Silent when the function calls ``cmd.Wait()`` (also inside a goroutine or defer), releases
the process (``cmd.Process.Release()``), or lets ``cmd`` escape: returned, stored, passed to
another function, or captured by a closure that outlives the call.
"""

from __future__ import annotations

import re

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go.lifetimes import go_assigned_names, names_used
from perfaudit.syntax import functions
from perfaudit.syntax.node import Node

_SETTABLE = frozenset({"Stdout", "Stderr", "Stdin", "Env", "Dir", "SysProcAttr", "ExtraFiles",
                       "Cancel", "WaitDelay", "Path", "Args"})
_METHODS = frozenset({"Start", "StdoutPipe", "StderrPipe", "StdinPipe", "String", "Environ"})


def _built_here(name: str, fn: Node) -> bool:
    for kind in ("short_var_declaration", "assignment_statement"):
        for stmt in fn.find_all(kind=kind):
            right = stmt.field("right")
            if name in go_assigned_names(stmt) and right is not None \
                    and re.match(r"exec\.Command(Context)?\(", right.text()):
                return True
    return False


def _harmless(use: Node) -> bool:
    """``cmd.Stdout = ...``, ``cmd.Start()``, ``cmd.Process.Pid``: uses that neither wait nor escape."""
    parent = use.parent()
    if parent is None or parent.kind() != "selector_expression":
        return False
    field = parent.field_text("field")
    if field == "Process":
        outer = parent.parent()
        return outer is not None and outer.kind() == "selector_expression" \
            and outer.field_text("field") in ("Pid", "Signal", "Kill")
    return field in _SETTABLE or field in _METHODS


def check(match: Match) -> bool:
    call = match.node
    name = common.call_name(call).rsplit(".", 1)[0]
    fn = functions.innermost_function(call, Language.GO)
    if fn is None or not re.fullmatch(r"\w+", name) or not _built_here(name, fn):
        return False
    for use in names_used(fn, name):
        stmt_parent = use.parent()
        if stmt_parent is not None and stmt_parent.kind() == "expression_list":
            owner = stmt_parent.parent()
            if owner is not None and owner.field("left") == stmt_parent:
                continue  # the assignment that builds the command
        if not _harmless(use):
            return False
    return True
