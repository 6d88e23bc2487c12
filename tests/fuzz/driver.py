"""Scan files with the whole rule catalogue and print one JSON line per file.

Run as a script, in a process of its own so that a crash inside tree-sitter kills only it::

    python -X faulthandler tests/fuzz/driver.py ROOT REL [REL ...]

Every file under ``ROOT`` named on the command line goes through two paths:

``audit``
    what a real audit does: discovery decides whether the file is reviewed at all (binary,
    undecodable ...), then the ``rules`` reviewer's task function, the one its worker processes
    run, reads and scans it with every rule, preview rules included, at the newest language
    version. It runs here, in this process, so a crash is seen as one, not as the reviewer's
    account of it.
``direct``
    ``scan_source`` on the bytes decoded as ``open()`` would, invalid UTF-8 replaced instead of
    refused, with every rule at an old language version (so rules bounded above run too).
    ``raw`` is the same without newline translation, only when the text holds a carriage
    return.

Before each file a ``{"event": "start"}`` line is printed and flushed, so when the process dies
the last start line names the file it died on. Problems are judged by the caller, not here.
"""

from __future__ import annotations

import dataclasses
import io
import json
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Any

from perfaudit.discover import LANGUAGE_BY_EXT, discover_files
from perfaudit.model import Language
from perfaudit.reviewers.rules import _init_worker, _scan_task, _Task
from perfaudit.rules.catalogue import load_catalogue
from perfaudit.rules.engine.scan import ScanResult, scan_source

OLD_VERSION = {Language.GO: "1.20", Language.PYTHON: "3.9"}


def _plain(value: Any) -> Any:
    """JSON-ready form of findings, diagnostics and what they hold."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _result(findings: Any, diagnostics: Any) -> dict[str, Any]:
    return {"findings": _plain(findings), "diagnostics": _plain(diagnostics)}


def _error(exc: BaseException) -> dict[str, Any]:
    lines = traceback.format_exception(exc)
    return {"error": f"{type(exc).__name__}: {exc}"[:500], "traceback": "".join(lines[-8:])}


def _direct(rel: str, text: str, language: Language) -> dict[str, Any]:
    try:
        result: ScanResult = scan_source(rel, text, language, load_catalogue(),
                                         OLD_VERSION[language])
    except Exception as exc:  # reported, judged by the caller
        return _error(exc)
    return _result(result.findings, result.diagnostics)


def scan_one(root: Path, rel: str, skipped: dict[str, str]) -> dict[str, Any]:
    """Both paths' answers for ``root/rel``; exceptions are caught and reported."""
    language = LANGUAGE_BY_EXT[Path(rel).suffix]
    out: dict[str, Any] = {}
    if rel in skipped:
        out["audit"] = {"skipped": skipped[rel]}
    else:
        try:
            task = _Task(root=str(root), path=rel, language=language.value, version=None)
            result = _scan_task(task).result.scan
            out["audit"] = _result(result.findings, result.diagnostics)
        except Exception as exc:  # the task function promises never to raise
            out["audit"] = _error(exc)
    data = (root / rel).read_bytes()
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace").read()
    out["direct"] = _direct(rel, text, language)
    raw = data.decode("utf-8", errors="replace")
    if raw != text:
        out["raw"] = _direct(rel, raw, language)
    return out


def _emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, sort_keys=True) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    """Scan ``argv[1:]`` (paths relative to ``argv[0]``), one JSON line each."""
    root, rels = Path(argv[0]), argv[1:]
    _init_worker((), (), True)  # what a worker of the rules reviewer loads: every rule
    found = discover_files(root, include_tests=True)
    listed = {f.path for f in found.files}
    skipped = {s.path: s.reason for s in found.skipped}
    skipped.update({rel: "not-discovered" for rel in rels if rel not in listed and rel not in skipped})
    for rel in rels:
        _emit({"event": "start", "file": rel})
        _emit({"event": "done", "file": rel, "result": scan_one(root, rel, skipped)})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
