"""The construction's inputs are loop-invariant and it runs on every iteration."""

from __future__ import annotations

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import code as gocode

_READS_FILES = ("ParseFiles", "ParseGlob", "ParseFS", "LoadX509KeyPair", "SystemCertPool")


def check(match: Match) -> bool:
    """Whether every argument in the call chain is invariant in the innermost loop."""
    node = match.node
    loop = gocode.innermost_loop(node)
    if loop is None or gocode.runs_once_in_loop(node, loop):
        return False
    if common.call_name(node).endswith(_READS_FILES) and gocode.is_event_loop(loop):
        return False  # reloading files per event picks up changes on disk
    return gocode.args_invariant(node, loop)
