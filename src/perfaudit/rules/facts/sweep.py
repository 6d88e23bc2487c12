"""The one-pass sweep both languages' heat facts use: query captures in document order, a stack
of open containers, and the function being summarised (pure).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import tree_sitter as ts

from perfaudit.heat.summary import Call, Function, Span


@dataclass(slots=True)
class OpenFunction:
    """A function being summarised while the sweep is inside it."""

    node: ts.Node
    key: str
    name: str
    short: str
    parent: str
    method: bool
    hot: str
    cold: str
    calls: list[Call] = field(default_factory=list)
    endless: list[Span] = field(default_factory=list)
    periodic: list[Span] = field(default_factory=list)
    small: list[Span] = field(default_factory=list)
    rare: list[Span] = field(default_factory=list)
    open_loops: int = 0
    open_rare: int = 0
    never_hot: bool = False

    def close(self) -> Function:
        """The finished, frozen summary of this function."""
        return Function(key=self.key, name=self.name, short=self.short,
                        start=self.node.start_point.row + 1, end=self.node.end_point.row + 1,
                        parent=self.parent, method=self.method, hot=self.hot, cold=self.cold,
                        calls=tuple(self.calls), endless=tuple(self.endless),
                        periodic=tuple(self.periodic), small=tuple(self.small),
                        rare=tuple(self.rare), never_hot=self.never_hot)


Frame = tuple[ts.Node, str, OpenFunction | None]
"""An open container: its node, its kind (fn, loop, rare, go, cls, file), its function."""


def events(captures: dict[str, list[ts.Node]], kinds: frozenset[str]) -> list[tuple[ts.Node, str]]:
    """The captured nodes of ``kinds`` in document order, outer before inner."""
    return sorted(((n, kind) for kind, nodes in captures.items() if kind in kinds for n in nodes),
                  key=lambda e: (e[0].start_byte, -e[0].end_byte, e[1]))


def close_before(start: int, stack: list[Frame], functions: list[OpenFunction],
                 done: list[Function]) -> None:
    """Leave the containers that end before byte ``start``; finished functions go to ``done``."""
    while len(stack) > 1 and stack[-1][0].end_byte <= start:
        _, closed, opened = stack.pop()
        if closed == "fn" and opened is not None:
            done.append(opened.close())
            functions.pop()
        elif closed == "loop":
            functions[-1].open_loops -= 1
        elif closed == "rare":
            functions[-1].open_rare -= 1


def open_loop(node: ts.Node, stack: list[Frame], current: OpenFunction) -> None:
    """Enter a loop of ``current``: calls until ``close_before`` leaves it run per iteration."""
    current.open_loops += 1
    stack.append((node, "loop", None))


def open_error_path(node: ts.Node, stack: list[Frame], current: OpenFunction) -> None:
    """Enter an error path (``if err != nil``, ``except``): its calls run rarely."""
    current.rare.append(Span(node.start_point.row + 1, node.end_point.row + 1, "on an error path"))
    current.open_rare += 1
    stack.append((node, "rare", None))


def endless(node: ts.Node, owner: OpenFunction, waits_for_event: Callable[[str], bool],
            periodic: re.Pattern[str]) -> None:
    """Record a loop without an exit condition: per event when its body waits for one,
    periodic when it sleeps or waits on a timer, nothing otherwise (pagination, retries)."""
    start, end, body = node.start_point.row + 1, node.end_point.row + 1, text(node)
    if waits_for_event(body):
        owner.endless.append(Span(start, end, "endless loop: runs per event"))
    elif periodic.search(body):
        owner.periodic.append(Span(start, end, "periodic loop: runs once per interval"))


def finish(stack: Iterable[Frame], module: OpenFunction, done: list[Function]) -> tuple[Function, ...]:
    """Every function summarised: those still open at the end of the file, then the module."""
    done.extend(o.close() for _n, k, o in reversed(list(stack)) if k == "fn" and o is not None)
    done.append(module.close())
    return tuple(done)


def text(node: ts.Node | None) -> str:
    """A node's source text ("" for none)."""
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


def small_int(literal: str, limit: int) -> bool:
    """Whether an integer literal is at most ``limit`` (an unreadable one is not)."""
    try:
        return int(literal.replace("_", ""), 0) <= limit
    except ValueError:
        return False
