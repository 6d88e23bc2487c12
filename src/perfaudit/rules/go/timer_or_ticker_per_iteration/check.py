"""Flag timers/tickers made per iteration of an event loop (not per retry/backoff wait)."""

from __future__ import annotations

import re

from perfaudit.rules.engine.match import Match
from perfaudit.rules.facts import common
from perfaudit.rules.facts.go import scope as goscope
from perfaudit.syntax.node import Node

_EXITS = ("return_statement", "break_statement", "goto_statement")
_SHUTDOWN = re.compile(r"Done\(\)|(?i:done|quit|stop|closed?|shutdown|exit|cancel)")


def _communication(case: Node) -> str:
    """The text a select case waits on ("" for ``default``)."""
    communication = case.field("communication")
    return communication.text() if communication is not None else ""


def _case_exits(case: Node) -> bool:
    """A case that ends the loop, or waits on a shutdown signal rather than on work."""
    communication = case.field("communication")
    if communication is not None and _SHUTDOWN.search(communication.text()):
        return True
    return any(case.find(kind=kind) is not None for kind in _EXITS) or "os.Exit" in case.text()


def _own_selects(loop: Node) -> list[Node]:
    return [s for s in loop.find_all(kind="select_statement")
            if goscope.enclosing_loops(s)[:1] == [loop]]


def _is_event_loop(loop: Node, channel: str) -> bool:
    """A select in the loop waits on the timer and also on another case that keeps looping."""
    for select in _own_selects(loop):
        cases = [c for c in select.named_children() if c.kind() == "communication_case"]
        timer_cases = [c for c in cases if channel in _communication(c)]
        others = [c for c in cases if c not in timer_cases]
        if timer_cases and any(not _case_exits(c) for c in others):
            return True
    return False


def check(match: Match) -> bool:
    """``time.Tick`` always; NewTimer/NewTicker when the loop keeps running on other events."""
    call = match.node
    loops = goscope.enclosing_loops(call)
    body = loops[0].field("body") if loops else None
    if body is None or not any(a == body for a in call.ancestors()):
        return False  # e.g. in the for clause's init statement: runs once
    if common.call_name(call) == "time.Tick":
        return True
    parent = call.parent()
    if parent is not None and parent.kind() == "selector_expression":
        return _is_event_loop(loops[0], call.text())  # inline: <-time.NewTimer(d).C
    name = goscope.first_assigned_name(call)
    return name is not None and _is_event_loop(loops[0], name + ".C")
