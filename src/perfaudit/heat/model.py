"""The heat model: how often each function runs, from entry points along the call graph (pure).

Built once per audit from every file's summary. Calls are resolved by name the way a
reader would without types: a bare call to a function of the same package or module, a
``pkg.F`` call to package ``pkg``, a method call to the methods of that name in the same
package (or anywhere, when few places define it), a Python ``Class()`` to its ``__init__``.

- **Hot** functions are entry points that run per request, RPC, message, handshake, row or
  element, and everything they reach (closures included); the chain is kept as evidence.
- **Warm** functions run once per interval of a periodic loop (a refresh, a reconcile, a
  scrape), and what they reach: often enough to matter when the data is large, too seldom
  to make a small cost worth a note.
- **Cold** functions run once or never in production: ``main``/``init``, set-up and debug
  methods, code in examples, tools and test support, and functions reached only from cold
  code.
- Everything else is **unknown**.

Static call-frequency estimation in this spirit goes back to Ball & Larus (1993) and Wu &
Larus (1994): loops and call sites predict frequency without running the code.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from perfaudit.heat.paths import PathKind, is_hard, path_kind
from perfaudit.heat.summary import MODULE, Call, FileSummary, Function

_FEW_DEFINITIONS = 3  # a function name defined in more places than this is too common to follow
_CHAIN = 5
_DEPTH = 3
"""Calls followed from an entry point: each hop passes branches that may not run, so beyond
a few the estimate is no longer evidence."""


class Level(StrEnum):
    """How often code runs, as far as the model can tell."""

    HOT = "hot"
    WARM = "warm"
    COLD = "cold"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Heat:
    """A level with its evidence: ``reason`` and, for propagated heat, the call chain."""

    level: Level
    reason: str = ""
    chain: tuple[str, ...] = ()

    def describe(self) -> str:
        """One line for a report: ``runs per request: A → B → here``."""
        if not self.chain:
            return self.reason
        names = self.chain if len(self.chain) <= _CHAIN else (
            *self.chain[:2], "…", *self.chain[-(_CHAIN - 3):])
        return f"{self.reason}: {' → '.join(f'`{n}`' for n in names)}"


UNKNOWN = Heat(Level.UNKNOWN, "no evidence of how often this code runs")


@dataclass(frozen=True, slots=True)
class _Node:
    summary: FileSummary
    function: Function


class HeatModel:
    """Heat per function of a set of files, and per source line on request."""

    def __init__(self, summaries: Iterable[FileSummary]) -> None:
        self._files = {s.path: s for s in summaries}
        self._nodes: dict[str, _Node] = {}
        self._kinds: dict[str, PathKind | None] = {}
        for summary in self._files.values():
            self._kinds[summary.path] = path_kind(summary.path, summary.main_package)
            for function in summary.functions:
                self._nodes[_gkey(summary.path, function.key)] = _Node(summary, function)
        self._index()
        self._heat: dict[str, Heat] = {}
        self._propagate()

    # -- resolution -------------------------------------------------------------------
    def _index(self) -> None:
        self._plain: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._by_package_base: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._methods: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._plain_anywhere: dict[str, list[str]] = defaultdict(list)
        self._inits: dict[str, list[str]] = defaultdict(list)
        self._defined: set[str] = set()
        """Every name a function or method is defined under: a call to another name (the
        standard library's, a dependency's) resolves to nothing, and is not looked up."""
        for key, node in self._nodes.items():
            fn, package = node.function, node.summary.package
            if not fn.short or fn.key == MODULE:
                continue
            self._defined.add(fn.short)
            if fn.short == "__init__":
                self._defined.add(fn.name.rsplit(".", 2)[-2])
            if fn.method:
                self._methods[(package, fn.short)].append(key)
                if fn.short == "__init__":
                    self._inits[fn.name.rsplit(".", 2)[-2]].append(key)
            else:
                self._plain[(package, fn.short)].append(key)
                self._plain_anywhere[fn.short].append(key)
                base = package.replace(".", "/").rsplit("/", 1)[-1]
                self._by_package_base[(base, fn.short)].append(key)

    def _resolve(self, call: Call, summary: FileSummary) -> list[str]:
        package = summary.package
        if not call.qualifier:
            found = self._plain.get((package, call.name)) or self._inits.get(call.name)
            if found:
                return found
            anywhere = self._plain_anywhere.get(call.name, [])
            return anywhere if len(anywhere) <= _FEW_DEFINITIONS else []
        if call.qualifier in ("self", "cls", "super"):
            return self._methods.get((package, call.name), [])
        qualified = self._by_package_base.get((call.qualifier, call.name))
        if qualified:
            return qualified
        # a method called on a value of unknown type: only the package's own methods of that
        # name, and only when few types define it; following it across packages, or to every
        # iterator's ``Err``, mostly lands on an unrelated type's method
        methods = self._methods.get((package, call.name), [])
        return methods if len(methods) <= _FEW_DEFINITIONS else []

    def _edges(self) -> dict[str, list[tuple[str, Call | None]]]:
        """callee -> [(caller, call)]; a closure's caller is the function that defines it."""
        callers: dict[str, list[tuple[str, Call | None]]] = defaultdict(list)
        self._callees: dict[str, list[tuple[str, Call | None]]] = defaultdict(list)
        defined = self._defined
        # a call resolves by its package, qualifier and name alone, and these repeat
        resolved: dict[tuple[str, str, str], list[str]] = {}
        for key, node in self._nodes.items():
            if node.function.parent:
                parent = _gkey(node.summary.path, node.function.parent)
                callers[key].append((parent, None))
                self._callees[parent].append((key, None))
            package = node.summary.package
            for call in node.function.calls:
                if call.name not in defined:
                    continue
                spot = (package, call.qualifier, call.name)
                callees = resolved.get(spot)
                if callees is None:
                    callees = resolved[spot] = self._resolve(call, node.summary)
                for callee in callees:
                    if callee != key:
                        callers[callee].append((key, call))
                        self._callees[key].append((callee, call))
        return callers

    # -- propagation ------------------------------------------------------------------
    def _seeds(self) -> list[tuple[str, Heat]]:
        seeds = []
        for key, node in self._nodes.items():
            kind = self._kinds[node.summary.path]
            if is_hard(kind):
                continue
            if node.function.hot:
                seeds.append((key, Heat(Level.HOT, node.function.hot, (node.function.name,))))
        for summary in self._files.values():
            kind = self._kinds[summary.path]
            if is_hard(kind):
                continue
            for name, reason in summary.hot_refs:
                named = (self._plain.get((summary.package, name), [])
                         + self._methods.get((summary.package, name), []))
                seeds.extend((key, Heat(Level.HOT, reason, (self._nodes[key].function.name,)))
                             for key in named)
        return seeds

    def _propagate(self) -> None:
        callers = self._edges()
        hot: list[tuple[str, Heat]] = list(self._seeds())
        self._serving = {self._nodes[key].summary.package for key, _heat in hot}
        warm: list[tuple[str, Heat]] = []
        for node in self._nodes.values():  # calls inside an endless loop run per event
            fn = node.function
            kind = self._kinds[node.summary.path]
            if fn.cold or is_hard(kind) or not (fn.endless or fn.periodic):
                continue
            for call in fn.calls:
                if call.rare:
                    continue
                if any(s.start <= call.line <= s.end for s in fn.endless):
                    hot.extend((callee, Heat(Level.HOT, "runs per event of an endless loop",
                                             (fn.name, self._nodes[callee].function.name)))
                               for callee in self._resolve(call, node.summary))
                elif any(s.start <= call.line <= s.end for s in fn.periodic):
                    warm.extend((callee, Heat(Level.WARM, "runs once per interval of a periodic "
                                              "loop", (fn.name, self._nodes[callee].function.name)))
                                for callee in self._resolve(call, node.summary))
        self._spread(hot)
        self._spread(warm)
        self._cold(callers)

    def _spread(self, seeds: list[tuple[str, Heat]]) -> None:
        """Give ``seeds`` their heat and pass it down calls, up to ``_DEPTH`` hops."""
        queue: deque[str] = deque()
        for key, heat in seeds:
            if key not in self._heat and not self._never_hot(key):
                self._heat[key] = heat
                queue.append(key)
        while queue:
            key = queue.popleft()
            heat = self._heat[key]
            if len(heat.chain) > _DEPTH:
                continue
            for callee, edge in self._callees.get(key, []):
                if callee in self._heat or self._never_hot(callee) or (edge and edge.rare):
                    continue
                name = self._nodes[callee].function.name
                self._heat[callee] = Heat(heat.level, heat.reason, (*heat.chain, name))
                queue.append(callee)

    def _place(self, summary: FileSummary) -> PathKind | None:
        """The file's cold kind; a command package that serves requests is not cold."""
        kind = self._kinds[summary.path]
        if kind is not None and kind.soft and summary.package in self._serving:
            return None
        return kind

    def _never_hot(self, key: str) -> bool:
        """Code in examples, tools and tests, debug text and memoised bodies stay cold whoever
        calls them."""
        node = self._nodes[key]
        kind = self._kinds[node.summary.path]
        return is_hard(kind) or node.function.never_hot

    def _cold(self, callers: dict[str, list[tuple[str, Call | None]]]) -> None:
        pending: deque[str] = deque()
        for key, node in self._nodes.items():
            if key in self._heat:
                continue
            kind = self._place(node.summary)
            reason = node.function.cold or (kind.reason if kind is not None else "")
            if reason:
                self._heat[key] = Heat(Level.COLD, reason)
                pending.append(key)
        while pending:  # a function all of whose callers are cold is cold
            key = pending.popleft()
            for callee, _call in self._callees.get(key, []):
                if callee in self._heat:
                    continue
                sources = callers.get(callee, [])
                # a goroutine, thread or callback started by cold code lives on: not cold
                if sources and all(self._heat.get(c, UNKNOWN).level is Level.COLD
                                   and not (call and call.spawned) for c, call in sources):
                    first = self._nodes[sources[0][0]].function.name
                    self._heat[callee] = Heat(Level.COLD, f"reached only from cold code (`{first}`)")
                    pending.append(callee)

    # -- queries ----------------------------------------------------------------------
    def function_heat(self, path: str, key: str) -> Heat:
        """Heat of the function ``key`` of ``path`` (unknown when it was not summarised)."""
        return self._heat.get(_gkey(path, key), UNKNOWN)

    def path_kind(self, path: str) -> PathKind | None:
        """The cold kind of ``path`` (also for files the model has no summary of)."""
        if path in self._files:
            return self._place(self._files[path])
        return path_kind(path)

    def cold_place(self, path: str) -> str:
        """Why ``path`` is a hard-cold place ("" when it is not)."""
        kind = self.path_kind(path)
        return kind.reason if is_hard(kind) else ""

    def at(self, path: str, line: int) -> Heat:
        """Heat of the code at ``path:line``: its loop's size, then its function's heat."""
        kind = self.path_kind(path)
        if is_hard(kind):
            return Heat(Level.COLD, kind.reason)
        summary = self._files.get(path)
        if summary is None:
            return Heat(Level.COLD, kind.reason) if kind is not None else UNKNOWN
        inner = _innermost(summary.functions, line)
        if inner is None:
            return self.function_heat(path, MODULE)
        small = next((s for s in (*inner.small, *inner.rare) if s.start <= line <= s.end), None)
        if small is not None:
            return Heat(Level.COLD, small.reason)
        heat = self.function_heat(path, inner.key)
        if heat.level in (Level.UNKNOWN, Level.WARM):  # a loop of its own may say more
            if any(s.start <= line <= s.end for s in inner.endless):
                return Heat(Level.HOT, "runs per event of an endless loop", (inner.name,))
            if any(s.start <= line <= s.end for s in inner.periodic):
                return Heat(Level.WARM, "runs once per interval of a periodic loop",
                            (inner.name,))
        if heat.level is Level.UNKNOWN and kind is not None:
            return Heat(Level.COLD, kind.reason)
        return heat

    def counts(self) -> dict[Level, int]:
        """How many functions have each level (for benchmarks and debugging)."""
        out = dict.fromkeys(Level, 0)
        for key in self._nodes:
            out[self._heat.get(key, UNKNOWN).level] += 1
        return out


def _innermost(functions: tuple[Function, ...], line: int) -> Function | None:
    best: Function | None = None
    for fn in functions:
        if fn.key == MODULE or not fn.start <= line <= fn.end:
            continue
        if best is None or fn.start > best.start or (fn.start == best.start and fn.end < best.end):
            best = fn
    return best


def _gkey(path: str, key: str) -> str:
    return f"{path}::{key}"
