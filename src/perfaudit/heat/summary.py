"""What one file tells the heat model: its functions, their calls, and their entry signals (pure data).

A summary is made once per file by the language's heat facts
(``rules/facts/go/heat.py``, ``rules/facts/python/heat.py``) and is small enough to cross
process boundaries; the heat model joins the summaries of a package or repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

MODULE = "<module>"
"""Name of the pseudo-function that holds a file's top-level code (runs once, at load)."""


class Call(NamedTuple):
    """A call (or a function passed as a value) inside a function.

    ``qualifier`` is the identifier before the dot (``pkg`` in ``pkg.F()``, ``s`` in
    ``s.m()``), ``?`` when it is an expression (``a.b.m()``), "" for a bare name.
    ``repeated`` says the call runs per iteration of a loop around it; ``spawned`` that it
    starts a goroutine or thread or registers a callback; ``rare`` that it sits on an error
    path (``if err != nil``, ``except``).

    A named tuple, not a dataclass: a large repository has hundreds of thousands of calls,
    and they cross process boundaries, where tuples pickle about twice as fast.
    """

    name: str
    qualifier: str
    line: int
    repeated: bool = False
    spawned: bool = False
    rare: bool = False


class Span(NamedTuple):
    """Lines ``start``..``end`` (1-based, inclusive) of a loop, with why it is notable."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)  # no slots: slotted dataclasses unpickle field by field, 2x slower
class Function:
    """One function, method or closure of a file.

    ``hot`` / ``cold`` name the entry signal of the function itself ("" when it has none):
    a request handler is hot, ``main`` or a debug ``String()`` method is cold.
    ``endless`` are its loops without an exit condition that wait for an event (one
    iteration per message, connection or read), ``periodic`` those that sleep or wait on a
    timer (one iteration per interval), ``small`` its loops over a handful of literal items,
    ``rare`` its error paths. ``never_hot`` says the body runs rarely whoever calls it: debug
    and error text is built only when something is logged or fails, a memoised function or a
    ``sync.Once`` body runs once per argument.
    """

    key: str
    name: str
    short: str
    start: int
    end: int
    parent: str = ""
    method: bool = False
    hot: str = ""
    cold: str = ""
    calls: tuple[Call, ...] = ()
    endless: tuple[Span, ...] = ()
    periodic: tuple[Span, ...] = ()
    small: tuple[Span, ...] = ()
    rare: tuple[Span, ...] = ()
    never_hot: bool = False


@dataclass(frozen=True)  # no slots, as for Function: summaries cross process boundaries
class FileSummary:
    """The functions of one file, with the package (Go directory) or module it belongs to."""

    path: str
    package: str
    functions: tuple[Function, ...] = ()
    hot_refs: tuple[tuple[str, str], ...] = ()
    """Functions named as callbacks of hot events (``(name, reason)``): TLS ``GetCertificate``,
    ``HandleFunc`` targets, route registrations."""
    main_package: bool = False
    """Go: the file is in package ``main`` (a command)."""
