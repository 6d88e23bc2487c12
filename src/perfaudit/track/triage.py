"""Triage decisions in ``.perfaudit/triage.toml``: read, write (stable text), apply to a report."""

from __future__ import annotations

import os
import re
import threading
import tomllib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from perfaudit.errors import ConfigError
from perfaudit.model import (
    ConsolidatedFinding,
    Report,
    Severity,
    Triage,
    TriageState,
    TriageStatus,
)
from perfaudit.track.renumber import renumbered

TRIAGE_FILE = Path(".perfaudit") / "triage.toml"
FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
_HEADER = ("# perfaudit triage decisions: one [[triage]] table per finding fingerprint.\n"
           "# Written by `perfaudit triage`; commit it so every audit honours it.\n")
_FIELDS = ("fingerprint", "status", "severity", "reason", "author", "until", "rule", "path",
           "title")


def _entry(raw: object, where: Path, index: int) -> Triage:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: entry {index} is not a table")
    try:
        fingerprint, reason = str(raw["fingerprint"]), str(raw["reason"])
        status = TriageStatus(raw["status"])
    except (KeyError, ValueError) as exc:
        raise ConfigError(f"{where}: entry {index}: missing or invalid {exc}") from exc
    until = raw.get("until")
    if until is not None:
        until = str(until)
        parse_date(until, f"{where}: entry {index}")
    severity = _severity(raw.get("severity"), status, f"{where}: entry {index}")
    return Triage(fingerprint=fingerprint, status=status, reason=reason, until=until,
                  rule=raw.get("rule"), path=raw.get("path"), title=str(raw.get("title", "")),
                  severity=severity, author=str(raw.get("author", "")))


def _severity(value: object, status: TriageStatus, what: str) -> Severity | None:
    """An adjudication's severity: required with ``adjudicated``, refused without it."""
    if value is None:
        if status is TriageStatus.ADJUDICATED:
            raise ConfigError(f"{what}: overriding the severity (`adjudicated`) needs a "
                              "severity (P0, P1 or P2)")
        return None
    if status is not TriageStatus.ADJUDICATED:
        raise ConfigError(f"{what}: a severity goes with overriding the severity "
                          "(`adjudicated`) only")
    try:
        return Severity(str(value))
    except ValueError as exc:
        raise ConfigError(f"{what}: not a severity (P0, P1 or P2): {value!r}") from exc


def parse_date(text: str, what: str) -> date:
    """An ISO date (YYYY-MM-DD) or a usage error naming ``what``."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ConfigError(f"{what}: not a date (YYYY-MM-DD): {text!r}") from exc


def read_triage(root: Path) -> tuple[Triage, ...]:
    """The decisions in ``root/.perfaudit/triage.toml`` (none when the file does not exist)."""
    path = root / TRIAGE_FILE
    if not path.is_file():
        return ()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    entries = data.get("triage", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: `triage` must be an array of tables")
    return tuple(_entry(raw, path, n) for n, raw in enumerate(entries, 1))


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    escaped = "".join(c if ord(c) >= 0x20 and c != "\x7f" else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def dump_triage(entries: Sequence[Triage]) -> str:
    """The file text: entries sorted by fingerprint, fields in a fixed order, one per line."""
    blocks = []
    for item in sorted(entries, key=lambda t: t.fingerprint):
        values = {"fingerprint": item.fingerprint, "status": item.status.value,
                  "severity": item.severity.value if item.severity else None,
                  "reason": item.reason, "author": item.author or None, "until": item.until,
                  "rule": item.rule, "path": item.path, "title": item.title or None}
        lines = [f"{key} = {_toml_string(str(values[key]))}" for key in _FIELDS
                 if values[key] is not None]
        blocks.append("[[triage]]\n" + "\n".join(lines) + "\n")
    return _HEADER + "".join("\n" + block for block in blocks)


def write_triage(root: Path, entries: Sequence[Triage]) -> Path:
    """Write the decisions file atomically; returns its path."""
    path = root / TRIAGE_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_text(dump_triage(entries), encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror}") from exc
    return path


def checked(decision: Triage) -> Triage:
    """``decision`` as it may be recorded, wherever it was made (command line, web app): with
    a reason, a valid ``until`` date, and a severity exactly when it adjudicates."""
    reason = decision.reason.strip()
    if not reason:
        raise ConfigError("a triage decision needs a reason")
    if decision.until is not None:
        parse_date(decision.until, "until")
    _severity(decision.severity.value if decision.severity else None, decision.status,
              "the decision")
    return replace(decision, reason=reason)


_RECORDING = threading.Lock()
"""Decisions recorded at once by one process (the web app's requests) are read-modify-writes
of one file: one at a time."""


def record(root: Path, decision: Triage) -> Path:
    """Check ``decision`` and add it to ``root``'s triage file, replacing an earlier decision
    about the same finding; returns the file's path."""
    decision = checked(decision)
    with _RECORDING:
        return write_triage(root, upsert(read_triage(root), decision))


def upsert(entries: Sequence[Triage], decision: Triage) -> tuple[Triage, ...]:
    """``entries`` with ``decision`` replacing any earlier one for the same fingerprint."""
    kept = [e for e in entries if e.fingerprint != decision.fingerprint]
    return (*kept, decision)


def _expired(entry: Triage, today: date) -> bool:
    """Whether ``entry``'s ``until`` date has passed: it no longer applies."""
    return entry.until is not None and date.fromisoformat(entry.until) < today


def adjudicated(finding: ConsolidatedFinding, entry: Triage) -> ConsolidatedFinding:
    """``finding`` at the severity ``entry`` decided, saying who decided and why."""
    if entry.severity is None:
        return finding
    by = f" by {entry.author}" if entry.author else ""
    return replace(finding, severity=entry.severity,
                   resolution=f"adjudicated as {entry.severity.value}{by}: {entry.reason}")


def adjudicate(findings: Sequence[ConsolidatedFinding], entries: Sequence[Triage],
               today: date) -> tuple[ConsolidatedFinding, ...]:
    """``findings`` at the severities the team's active adjudications set (nothing hidden:
    re-validation compares findings as they stand after adjudication)."""
    active = {e.fingerprint: e for e in entries
              if e.status is TriageStatus.ADJUDICATED and not _expired(e, today)}
    return tuple(adjudicated(f, active[f.fingerprint]) if f.fingerprint in active else f
                 for f in findings)


def apply_triage(report: Report, entries: Sequence[Triage], today: date) -> Report:
    """Move findings with an active decision to ``report.triaged`` (or, for an adjudication,
    set their severity); record how each decision applied.

    A decision whose ``until`` date has passed stops applying; a decision that matches no
    finding is kept in the record as unmatched so the team can prune it.
    """
    by_print = {f.fingerprint: f for f in report.findings}
    applied: list[Triage] = []
    hidden: list[ConsolidatedFinding] = []
    decided: dict[str, ConsolidatedFinding] = {}
    for entry in sorted(entries, key=lambda t: t.fingerprint):
        finding = by_print.get(entry.fingerprint)
        if finding is None:
            applied.append(replace(entry, state=TriageState.UNMATCHED))
            continue
        expired = _expired(entry, today)
        applied.append(replace(entry, state=TriageState.EXPIRED if expired else TriageState.ACTIVE))
        if expired:
            continue
        if entry.status.hides:
            hidden.append(finding)
        else:
            decided[finding.fingerprint] = adjudicated(finding, entry)
    if not applied:
        return report
    hidden_prints = {f.fingerprint for f in hidden}
    kept = [decided.get(f.fingerprint, f) for f in report.findings
            if f.fingerprint not in hidden_prints]
    return renumbered(replace(report, triaged=(*report.triaged, *hidden), triage=tuple(applied)),
                      kept)
