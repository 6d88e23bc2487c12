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

import functools
import hashlib
import json
from collections.abc import Callable, Sequence
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


_REPEATED, _SPAWNED, _RARE = 1, 2, 4


def encode_summary(summary: FileSummary) -> bytes:
    """A heat summary as compact JSON: a function's calls are one flat list, four items a call
    (name, qualifier, line, flags), its spans one flat list, three items a span."""
    return json.dumps([
        summary.path, summary.package, summary.main_package,
        [item for ref in summary.hot_refs for item in ref],
        [[f.key, f.name, f.short, f.start, f.end, f.parent, f.method, f.hot, f.cold,
          f.never_hot,
          [item for c in f.calls for item in (c.name, c.qualifier, c.line, (
              (_REPEATED if c.repeated else 0) | (_SPAWNED if c.spawned else 0)
              | (_RARE if c.rare else 0)))],
          *([item for span in spans for item in span]
            for spans in (f.endless, f.periodic, f.small, f.rare))]
         for f in summary.functions]], separators=(",", ":")).encode()


def decode_summary(data: bytes) -> FileSummary:
    """A heat summary back from JSON; ``ValueError`` for anything else."""
    try:
        path, package, main_package, refs, functions = json.loads(data)
        _check(refs[0::2] + refs[1::2], str)
        return FileSummary(path=_one(path, str), package=_one(package, str),
                           main_package=_one(main_package, bool),
                           hot_refs=tuple(zip(refs[0::2], refs[1::2], strict=True)),
                           functions=tuple(_function(f) for f in functions))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not a cached heat summary: {exc}") from exc


def _function(row: list[Any]) -> Function:
    (key, name, short, start, end, parent, method, hot, cold, never_hot, calls, endless,
     periodic, small, rare) = row
    _check((key, name, short, parent, hot, cold), str)
    _check((start, end), int)
    _check((method, never_hot), bool)
    names, qualifiers, lines, flags = calls[0::4], calls[1::4], calls[2::4], calls[3::4]
    _check(names + qualifiers, str)
    _check(lines + flags, int)
    return Function(key=key, name=name, short=short, start=start, end=end, parent=parent,
                    method=method, hot=hot, cold=cold, never_hot=never_hot,
                    calls=tuple(Call(n, q, line, bool(f & _REPEATED), bool(f & _SPAWNED),
                                     bool(f & _RARE))
                                for n, q, line, f in zip(names, qualifiers, lines, flags,
                                                         strict=True)),
                    endless=_spans(endless), periodic=_spans(periodic), small=_spans(small),
                    rare=_spans(rare))


def _spans(flat: list[Any]) -> tuple[Span, ...]:
    starts, ends, reasons = flat[0::3], flat[1::3], flat[2::3]
    _check(starts + ends, int)
    _check(reasons, str)
    return tuple(Span(*span) for span in zip(starts, ends, reasons, strict=True))


def _check(values: Any, kind: type) -> None:
    if not all(type(value) is kind for value in values):
        raise ValueError(f"expected only {kind.__name__} values")


def _one(value: Any, kind: type) -> Any:
    _check((value,), kind)
    return value


class Summaries(Sequence[FileSummary]):
    """Heat summaries made now plus cached ones, decoded only when first used (a re-audit
    whose heat answers were replayed never needs them)."""

    def __init__(self, fresh: list[FileSummary], fetch: Callable[[], list[bytes]]) -> None:
        self._fresh, self._fetch = fresh, fetch
        self._all: list[FileSummary] | None = None

    def _items(self) -> list[FileSummary]:
        if self._all is None:
            decoded = list(self._fresh)
            for data in self._fetch():
                try:  # a summary that does not decode is made again from the file
                    decoded.append(decode_summary(data))
                except ValueError:
                    continue
            self._all = sorted(decoded, key=lambda s: s.path)
        return self._all

    def __len__(self) -> int:
        return len(self._items())

    @overload
    def __getitem__(self, index: int) -> FileSummary: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[FileSummary]: ...

    def __getitem__(self, index: int | slice) -> FileSummary | Sequence[FileSummary]:
        return self._items()[index]
