"""Save audits to the history store and load them back (the findings.json document is kept)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from perfaudit import codec
from perfaudit.model import Report, Revalidation, Severity
from perfaudit.store.db import transaction


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditRow:
    """One line of ``perfaudit history``."""

    id: str
    target: str
    commit: str | None
    started: str
    reviewers: tuple[str, ...]
    counts: dict[str, int]
    hidden_by_baseline: int = 0
    triaged: int = 0
    last_validated: Revalidation | None = None


def file_digests(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """SHA-256 of each file's bytes; unreadable files are left out."""
    digests = {}
    for rel in paths:
        try:
            digests[rel] = hashlib.sha256((root / rel).read_bytes()).hexdigest()
        except OSError:
            continue
    return digests


def save_audit(conn: sqlite3.Connection, report: Report, settings: Mapping[str, Any],
               digests: Mapping[str, str]) -> None:
    """Store ``report`` with its settings and the digests of the files it reviewed."""
    audit = report.audit
    counts = Counter(f.severity for f in report.findings)
    document = codec.encode(report)
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO audits (id, target, commit_sha, started, finished, tool_version,"
            " reviewers, settings, p0, p1, p2, report, hidden_by_baseline, triaged)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (audit.id, audit.target, audit.commit, audit.started, audit.finished,
             audit.tool_version, json.dumps([r.name for r in audit.reviewers]),
             json.dumps(dict(settings), sort_keys=True, default=str),
             counts[Severity.P0], counts[Severity.P1], counts[Severity.P2], document,
             audit.hidden_by_baseline, len(report.triaged)))
        conn.execute("DELETE FROM findings WHERE audit_id = ?", (audit.id,))
        conn.execute("DELETE FROM audit_files WHERE audit_id = ?", (audit.id,))
        conn.executemany(
            "INSERT INTO findings (audit_id, number, fingerprint, rule, category, severity, path,"
            " start_line, function) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(audit.id, f.number, f.fingerprint, f.rule, f.category.value, f.severity.value,
              f.location.path, f.location.start_line, f.location.function)
             for f in report.findings])
        conn.executemany("INSERT INTO audit_files (audit_id, path, sha256) VALUES (?, ?, ?)",
                         [(audit.id, path, digest) for path, digest in sorted(digests.items())])


def save_revalidation(conn: sqlite3.Connection, report: Report, commit: str | None) -> None:
    """Record a re-validation (its counts and the report with statuses) of a stored audit."""
    rv = report.audit.revalidation
    if rv is None:
        raise ValueError("report carries no revalidation")
    document = codec.encode(report)
    with transaction(conn):
        conn.execute(
            "INSERT INTO revalidations (audit_id, validated_at, commit_sha, still_present, partial,"
            " fixed, unknown, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (rv.audit_id, rv.validated_at, commit, rv.still_present, rv.partial, rv.fixed,
             rv.unknown, document))


@dataclass(frozen=True, slots=True)
class StoredRevalidationRow:
    """One recorded re-validation of an audit: when, at which commit, and its report's JSON."""

    rowid: int
    validated_at: str
    commit: str | None
    document: str


def revalidation_rows(conn: sqlite3.Connection, audit_id: str) -> list[StoredRevalidationRow]:
    """The recorded re-validations of ``audit_id``, newest first (reports left as JSON, for
    the reader to decode, or not, as it needs)."""
    rows = conn.execute("SELECT rowid, validated_at, commit_sha, report FROM revalidations"
                        " WHERE audit_id = ? ORDER BY validated_at DESC, rowid DESC",
                        (audit_id,)).fetchall()
    return [StoredRevalidationRow(row["rowid"], row["validated_at"], row["commit_sha"],
                                  row["report"]) for row in rows]


def _last_validated(conn: sqlite3.Connection, audit_id: str) -> Revalidation | None:
    row = conn.execute("SELECT * FROM revalidations WHERE audit_id = ?"
                       " ORDER BY validated_at DESC, rowid DESC LIMIT 1", (audit_id,)).fetchone()
    if row is None:
        return None
    return Revalidation(audit_id=audit_id, validated_at=row["validated_at"],
                        still_present=row["still_present"], partial=row["partial"],
                        fixed=row["fixed"], unknown=row["unknown"])


def _row(conn: sqlite3.Connection, row: sqlite3.Row) -> AuditRow:
    return AuditRow(id=row["id"], target=row["target"], commit=row["commit_sha"],
                    started=row["started"], reviewers=tuple(json.loads(row["reviewers"])),
                    counts={"P0": row["p0"], "P1": row["p1"], "P2": row["p2"]},
                    hidden_by_baseline=row["hidden_by_baseline"], triaged=row["triaged"],
                    last_validated=_last_validated(conn, row["id"]))


def list_audits(conn: sqlite3.Connection, target: str | None = None) -> list[AuditRow]:
    """Audits, newest first; only those of ``target`` when given."""
    sql = "SELECT * FROM audits"
    args: tuple[str, ...] = ()
    if target is not None:
        sql, args = sql + " WHERE target = ?", (target,)
    rows = conn.execute(sql + " ORDER BY started DESC, rowid DESC", args).fetchall()
    return [_row(conn, row) for row in rows]


def load_report(conn: sqlite3.Connection, audit_id: str) -> Report | None:
    """The stored report of ``audit_id``, or None when there is no such audit."""
    row = conn.execute("SELECT report FROM audits WHERE id = ?", (audit_id,)).fetchone()
    return None if row is None else codec.decode(row["report"])


def load_settings(conn: sqlite3.Connection, audit_id: str) -> dict[str, Any]:
    """The settings an audit ran with (empty when unknown)."""
    row = conn.execute("SELECT settings FROM audits WHERE id = ?", (audit_id,)).fetchone()
    return {} if row is None else dict(json.loads(row["settings"]))


def load_digests(conn: sqlite3.Connection, audit_id: str) -> dict[str, str]:
    """Path -> SHA-256 of the files ``audit_id`` reviewed."""
    rows = conn.execute("SELECT path, sha256 FROM audit_files WHERE audit_id = ?", (audit_id,))
    return {row["path"]: row["sha256"] for row in rows}


def find_complete_audit(conn: sqlite3.Connection, target: str, commit: str,
                        reviewers: tuple[str, ...]) -> str | None:
    """The newest audit of ``target`` at ``commit`` by exactly ``reviewers`` that hid nothing."""
    rows = conn.execute(
        "SELECT id FROM audits WHERE target = ? AND commit_sha = ? AND reviewers = ?"
        " AND hidden_by_baseline = 0 ORDER BY started DESC, rowid DESC",
        (target, commit, json.dumps(list(reviewers)))).fetchall()
    return rows[0]["id"] if rows else None
