"""A string-literal pattern (no interpolation) given to ``re`` inside a function body.

A ``re.compile`` inside a loop is ``regex-compile-in-loop``'s; how often the function runs is
the heat model's business (a request path makes a finding, a command's start-up is cold).
"""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts.python import code as py
from perfaudit.syntax.node import Node


def _literal(arg: Node) -> bool:
    """A plain string literal: no f-string field, no concatenation with a variable."""
    if arg.kind() == "concatenated_string":
        return all(_literal(part) for part in arg.named_children())
    return arg.kind() == "string" and not any(
        child.kind() == "interpolation" for child in arg.named_children())


def check(match: Match) -> bool:
    args = match.node.field("arguments")
    positional = [a for a in args.named_children() if a.kind() != "keyword_argument"] if args else []
    keyword = {str(k.text()) for a in (args.named_children() if args else [])
               if a.kind() == "keyword_argument" and (k := a.field("name")) is not None}
    if not positional or not _literal(positional[0]) or "pattern" in keyword:
        return False
    function = match.node.field("function")
    is_compile = function is not None and str(function.text()) == "re.compile"
    return not (is_compile and py.iteration_loops(match.node))
