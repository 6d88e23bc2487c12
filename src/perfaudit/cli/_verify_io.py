"""Shared pieces of the verification commands: finding the audit to update, writing it back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from perfaudit.cli import _console
from perfaudit.errors import UsageError
from perfaudit.model import Report
from perfaudit.render.json import load

VERIFIED_DIR = "verified"


def findings_path(root: Path, audit_id: str | None, findings: Path | None) -> Path:
    """``--findings FILE``, else ``ROOT/.perfaudit/audits/<ID or newest>/findings.json``."""
    if findings is not None:
        return findings
    audits = root / ".perfaudit" / "audits"
    if audit_id:
        return audits / audit_id / "findings.json"
    dirs = sorted(p.name for p in audits.iterdir() if (p / "findings.json").is_file()) \
        if audits.is_dir() else []
    if not dirs:
        raise UsageError(f"no audit found under {audits} (run `perfaudit audit` first, "
                         "or pass --findings FILE)")
    return audits / dirs[-1] / "findings.json"


def load_report(path: Path) -> Report:
    """Read and validate a findings.json."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read findings {path}: {exc.strerror}") from exc
    try:
        return load(text)
    except ValueError as exc:
        raise UsageError(f"{path}: not a perfaudit findings.json "
                         f"({str(exc).splitlines()[0]})") from exc


def emit(text_or_doc: str | dict[str, Any], written: list[Path]) -> None:
    """Print the text table, or one JSON document (with the files written) on stdout."""
    if isinstance(text_or_doc, dict):
        doc = {**text_or_doc, "written": [str(p) for p in written]}
        _console.stdout.print(json.dumps(doc, indent=2, ensure_ascii=False), markup=False, emoji=False)
        return
    _console.stdout.print(text_or_doc.rstrip("\n"), markup=False, emoji=False)
    for path in written:
        _console.stdout.print(f"Wrote {path}", markup=False, emoji=False)
