"""The rules reviewer's per-file results in the result cache: what they depend on, and their JSON.

A file's result (its rule findings and diagnostics, and its heat summary) depends on the file's
path and content, its language version, the rule selection and perfaudit itself (rules,
``check.py`` files, facts, parser libraries). The *namespace* digests what every file shares;
the *key* what is the file's own. A heat summary depends on less (path, language, content
and perfaudit), so it has a namespace of its own. Heat itself joins every file's summary: it
is answered anew, or replayed when no file changed (``heat/replay.py``), so a finding whose
heat comes from an edited file elsewhere changes with it.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from perfaudit.codec import plain, revive
from perfaudit.heat.summary import Call, FileSummary, Function, Span
from perfaudit.installation import code_digest
from perfaudit.model import Diagnostic, Finding
from perfaudit.rules.engine.result import ScanResult


@dataclass(frozen=True, slots=True)
class FileResult:
    """What the rules reviewer learns from one file: its rule results and its heat summary."""

    scan: ScanResult
    summary: FileSummary | None = None


def namespace(select: tuple[str, ...], ignore: tuple[str, ...], preview: bool) -> str:
    """What every file's result shares: perfaudit's code and the options that change results."""
    options = json.dumps([sorted(select), sorted(ignore), preview])
    return f"rules:{code_digest()}:{hashlib.blake2b(options.encode(), digest_size=8).hexdigest()}"


def summary_namespace() -> str:
    """What every heat summary shares: perfaudit's code."""
    return f"summary:{code_digest()}"


def file_key(path: str, language: str, version: str | None, content: str) -> str:
    """One file's key: its path, language and version, and its content's digest."""
    return f"{path}\0{language}\0{version or ''}\0{content}"


# -- JSON ---------------------------------------------------------------------------------
def encode_scan(scan: ScanResult) -> bytes:
    """A file's rule results as compact JSON."""
    payload = {"findings": plain(scan.findings), "diagnostics": plain(scan.diagnostics)}
    return json.dumps(payload, separators=(",", ":")).encode()


def decode_scan(data: bytes) -> ScanResult:
    """A file's rule results back from JSON; ``ValueError`` for anything else."""
    try:
        payload = json.loads(data)
        findings = revive(tuple[Finding, ...], payload["findings"])
        diagnostics = revive(tuple[Diagnostic, ...], payload["diagnostics"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not cached rule results: {exc}") from exc
    return ScanResult(findings=findings, diagnostics=diagnostics)


_CALL = functools.partial(tuple.__new__, Call)
_SPAN = functools.partial(tuple.__new__, Span)
"""Build named tuples without their Python-level ``__new__``: a large repository's summaries
hold hundreds of thousands of calls, and a warm audit decodes them all."""


def encode_summary(summary: FileSummary) -> bytes:
    """A heat summary as compact JSON: a function's calls are one flat list, six items a call,
    its spans one flat list each, three items a span."""
    return json.dumps([
        summary.path, summary.package, summary.main_package,
        [item for ref in summary.hot_refs for item in ref],
        [[f.key, f.name, f.short, f.start, f.end, f.parent, f.method, f.hot, f.cold,
          f.never_hot, [item for call in f.calls for item in call],
          *([item for span in spans for item in span]
            for spans in (f.endless, f.periodic, f.small, f.rare))]
         for f in summary.functions]], separators=(",", ":")).encode()


def decode_summary(data: bytes) -> FileSummary:
    """A heat summary back from JSON; ``ValueError`` for anything of another shape.

    Only the shape is checked here, not every field's type: a value of the wrong type can
    only come from a damaged cache, and the heat stage answers afresh from the files when
    the summaries it was given make it fail (``pipeline``), so checking each of a large
    repository's few hundred thousand values on every run would buy nothing.
    """
    try:
        path, package, main_package, refs, functions = json.loads(data)
        if len(refs) % 2 or type(path) is not str or type(package) is not str:
            raise ValueError("a malformed summary")
        return FileSummary(path=path, package=package, main_package=bool(main_package),
                           hot_refs=tuple(zip(refs[0::2], refs[1::2], strict=True)),
                           functions=tuple(map(_function, functions)))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not a cached heat summary: {exc}") from exc


_FUNCTION_FIELDS = ("key", "name", "short", "start", "end", "parent", "method", "hot", "cold",
                    "never_hot", "calls", "endless", "periodic", "small", "rare")


def _function(row: list[Any]) -> Function:
    if len(row) != len(_FUNCTION_FIELDS):
        raise ValueError("a malformed summary")
    calls = row[10]
    # the same few names recur in every file: one string each, not one per call
    calls[0::6] = map(sys.intern, calls[0::6])
    calls[1::6] = map(sys.intern, calls[1::6])
    row[10] = _grouped(calls, 6, _CALL)
    for index in (11, 12, 13, 14):
        row[index] = _grouped(row[index], 3, _SPAN)
    # a frozen dataclass's __init__ sets each field through object.__setattr__: filling the
    # instance's dict at once makes decoding a large repository's summaries a third faster
    function = object.__new__(Function)
    function.__dict__.update(zip(_FUNCTION_FIELDS, row, strict=True))
    return function


def _grouped(flat: list[Any], size: int, make: Callable[[tuple[Any, ...]], Any]) -> tuple[Any, ...]:
    """``flat`` cut into named tuples of ``size`` items."""
    if not flat:
        return ()
    if len(flat) % size:
        raise ValueError("a malformed summary")
    return tuple(map(make, zip(*[iter(flat)] * size, strict=True)))


class Summaries(Sequence[FileSummary]):
    """Heat summaries made now plus cached ones, fetched and decoded only when first needed:
    a re-audit whose heat answers were replayed never needs them, and one that reviews some
    files afresh decodes the rest (:meth:`decode_cached`) while workers scan."""

    def __init__(self, fetch: Callable[[], list[bytes]]) -> None:
        self._fetch: Callable[[], list[bytes]] | None = fetch
        self._cached: list[FileSummary] = []
        self._fresh: list[FileSummary] = []
        self._all: list[FileSummary] | None = None

    def decode_cached(self) -> None:
        """Fetch and decode the cached summaries now (a summary that does not decode is left
        out, and the heat stage makes it again from its file)."""
        if self._fetch is None:
            return
        with paused_gc():
            for data in self._fetch():
                try:
                    self._cached.append(decode_summary(data))
                except Exception:  # a damaged entry: the heat stage makes it again
                    continue
        self._fetch = None

    def add(self, fresh: Iterable[FileSummary]) -> None:
        """Summaries made in this run."""
        self._fresh.extend(fresh)
        self._all = None

    def _items(self) -> list[FileSummary]:
        if self._all is None:
            self.decode_cached()
            self._all = sorted((*self._cached, *self._fresh), key=lambda s: s.path)
        return self._all

    def __len__(self) -> int:
        return len(self._items())

    @overload
    def __getitem__(self, index: int) -> FileSummary: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[FileSummary]: ...

    def __getitem__(self, index: int | slice) -> FileSummary | Sequence[FileSummary]:
        return self._items()[index]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector: decoding summaries and building the heat model make a few
    hundred thousand small objects, none in cycles, and collecting while they are made costs
    a third of the time.

    They are then frozen (moved where the collector never looks): otherwise the first
    collection after the pause, and the full one at exit, would each walk all of them again
    (a tenth of a second on a large repository). Freezing does not keep them alive: without
    cycles, they are freed as soon as the audit drops them; a process that runs audit after
    audit (a fleet worker) unfreezes after each, so cycles made meanwhile are collected.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
