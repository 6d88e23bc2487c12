"""``time.Tick`` outside ``main``/``init``, in a function that can return or break out.

A tick loop that never ends (``for range time.Tick(d)`` in a goroutine for the life of the
program) is what ``time.Tick`` is for; a function with a ``return`` or a ``break`` out of
its loop leaves the ticker behind when it exits.
"""

from __future__ import annotations

from perfaudit.model import Language
from perfaudit.rules.engine.match import Match
from perfaudit.syntax import functions

_LIFETIME = frozenset({"main", "init"})


def check(match: Match) -> bool:
    scope = functions.innermost_function(match.node, Language.GO)
    if scope is None:
        return False  # a package-level variable: one ticker for the program
    name = scope.field("name")
    if name is not None and name.text() in _LIFETIME:
        return False
    body = scope.field("body")
    if body is None:
        return False
    exits = [*body.find_all(kind="return_statement"), *body.find_all(kind="break_statement")]
    return any(functions.innermost_function(n, Language.GO) == scope for n in exits)
