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
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from pydantic import TypeAdapter

from perfaudit.heat.summary import Call, FileSummary, Function, Span
from perfaudit.model import Diagnostic, Finding
from perfaudit.rules.engine.scan import ScanResult
from perfaudit.store.cache import code_digest


@functools.cache
def _findings() -> TypeAdapter[tuple[Finding, ...]]:
    return TypeAdapter(tuple[Finding, ...])


@functools.cache
def _diagnostics() -> TypeAdapter[tuple[Diagnostic, ...]]:
    return TypeAdapter(tuple[Diagnostic, ...])


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
    payload = {
        "findings": json.loads(_findings().dump_json(scan.findings)) if scan.findings else [],
        "diagnostics": (json.loads(_diagnostics().dump_json(scan.diagnostics))
                        if scan.diagnostics else []),
    }
    return json.dumps(payload, separators=(",", ":")).encode()


def decode_scan(data: bytes) -> ScanResult:
    """A file's rule results back from JSON; ``ValueError`` for anything else."""
    try:
        payload = json.loads(data)
        findings = _findings().validate_python(payload["findings"]) if payload["findings"] else ()
        diagnostics = (_diagnostics().validate_python(payload["diagnostics"])
                       if payload["diagnostics"] else ())
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
    """A heat summary back from JSON; ``ValueError`` for anything else."""
    try:
        path, package, main_package, refs, functions = json.loads(data)
        _check(refs, str)
        return FileSummary(path=_one(path, str), package=_one(package, str),
                           main_package=_one(main_package, bool),
                           hot_refs=tuple(zip(refs[0::2], refs[1::2], strict=True)),
                           functions=tuple(map(_function, functions)))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not a cached heat summary: {exc}") from exc


def _function(row: list[Any]) -> Function:
    (key, name, short, start, end, parent, method, hot, cold, never_hot, calls, endless,
     periodic, small, rare) = row
    _check((key, name, short, parent, hot, cold), str)
    _check((start, end), int)
    _check((method, never_hot), bool)
    return Function(key=key, name=name, short=short, start=start, end=end, parent=parent,
                    method=method, hot=hot, cold=cold, never_hot=never_hot,
                    calls=_calls(calls), endless=_spans(endless), periodic=_spans(periodic),
                    small=_spans(small), rare=_spans(rare))


def _calls(flat: list[Any]) -> tuple[Call, ...]:
    if not flat:
        return ()
    columns = [flat[i::6] for i in range(6)]
    _check(columns[0] + columns[1], str)
    _check(columns[2], int)
    _check(columns[3] + columns[4] + columns[5], bool)
    return tuple(map(_CALL, zip(*columns, strict=True)))


def _spans(flat: list[Any]) -> tuple[Span, ...]:
    if not flat:
        return ()
    starts, ends, reasons = flat[0::3], flat[1::3], flat[2::3]
    _check(starts + ends, int)
    _check(reasons, str)
    return tuple(map(_SPAN, zip(starts, ends, reasons, strict=True)))


def _check(values: Any, kind: type) -> None:
    if values and set(map(type, values)) != {kind}:
        raise ValueError(f"expected only {kind.__name__} values")


def _one(value: Any, kind: type) -> Any:
    _check((value,), kind)
    return value


class Summaries(Sequence[FileSummary]):
    """Heat summaries made now plus cached ones, decoded only when first needed: a re-audit
    whose heat answers were replayed never needs them, and one that reviews some files
    afresh decodes the rest (:meth:`decode_cached`, thread-safe) while workers scan."""

    def __init__(self, cached: list[bytes]) -> None:
        self._cached_data: list[bytes] | None = cached
        self._cached: list[FileSummary] = []
        self._fresh: list[FileSummary] = []
        self._lock = threading.Lock()
        self._all: list[FileSummary] | None = None

    def decode_cached(self) -> None:
        """Decode the cached summaries now (a summary that does not decode is left out, and
        the heat stage makes it again from its file)."""
        with self._lock, paused_gc():
            if self._cached_data is None:
                return
            for data in self._cached_data:
                try:
                    self._cached.append(decode_summary(data))
                except ValueError:
                    continue
            self._cached_data = None

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
    a third of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
